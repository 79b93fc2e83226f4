package io.complexitynet.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and one server certificate it signed for {@code localhost} and
 * {@code 127.0.0.1}, as PEM files named the way cert-manager fills a TLS Secret ({@code tls.crt}, {@code tls.key},
 * {@code ca.crt}), so tests configure a service exactly as the Kubernetes manifests do. Made with openssl.
 */
public record TestCertificates(Path directory) {

    /** Issues a new authority and server certificate into {@code directory} (created if missing). */
    public static TestCertificates issue(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("server.ext"), """
                    basicConstraints=CA:FALSE
                    keyUsage=critical,digitalSignature,keyEncipherment
                    extendedKeyUsage=serverAuth
                    subjectAltName=DNS:localhost,IP:127.0.0.1
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(directory, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=complexitynet-test-ca", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl(directory, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls.key", "-out", "tls.csr", "-subj", "/CN=localhost");
        openssl(directory, "x509", "-req", "-in", "tls.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "tls.crt", "-days", "2", "-extfile", "server.ext");
        return new TestCertificates(directory.toAbsolutePath());
    }

    public Path certificate() {
        return directory.resolve("tls.crt");
    }

    public Path key() {
        return directory.resolve("tls.key");
    }

    /** The authority's certificate: what a client trusts. */
    public Path authority() {
        return directory.resolve("ca.crt");
    }

    /**
     * The environment that makes a packaged service serve TLS only, on {@code port}, as the manifests set it. The
     * doubled underscores quote the map key {@code 0} of {@code quarkus.tls.key-store.pem.0.cert}, which the
     * single-underscore spelling leaves ambiguous (named TLS configurations share the prefix), so it is ignored.
     */
    public Map<String, String> tlsOnlyEnvironment(int port) {
        return Map.of("QUARKUS_TLS_KEY_STORE_PEM__0__CERT", certificate().toString(),
                "QUARKUS_TLS_KEY_STORE_PEM__0__KEY", key().toString(),
                "QUARKUS_HTTP_SSL_PORT", Integer.toString(port),
                "QUARKUS_HTTP_INSECURE_REQUESTS", "disabled");
    }

    /** A client context that trusts this authority and nothing else. */
    public SSLContext trustingAuthority() {
        try (InputStream in = Files.newInputStream(authority())) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot read " + authority(), e);
        }
    }

    private static void openssl(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("openssl is needed to make test certificates", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
