package io.complexitynet.core.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One of the project's packaged services, run as a real separate JVM so a test can kill it with
 * SIGKILL and start it again. Its log goes to target/&lt;name&gt;.log.
 */
public final class ServiceProcess implements AutoCloseable {

    /** How the service's process is made from its environment, which is all the configuration it gets. */
    public interface Launch {
        ProcessBuilder process(Map<String, String> environment);
    }

    private final String name;
    private final Launch launch;
    private final int port;
    private final Map<String, String> environment;
    private TestCertificates tls;
    private Process process;

    /** The module's packaged service (target/quarkus-app), run by this JVM's java. */
    public ServiceProcess(String name, String module, int port, Map<String, String> environment) {
        this(name, packaged(module), port, environment);
    }

    public ServiceProcess(String name, Launch launch, int port, Map<String, String> environment) {
        this.name = name;
        this.launch = launch;
        this.port = port;
        this.environment = Map.copyOf(environment);
    }

    private static Launch packaged(String module) {
        Path repo = Path.of(System.getProperty("complexitynet.repo.dir", ".."));
        Path jar = repo.resolve(Path.of(module, "target", "quarkus-app", "quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first (mvn install -DskipTests)");
        }
        return environment -> {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            // e.g. -Dcomplexitynet.service.java-options=-XX:TieredStopAtLevel=1 for benchmarks on few cores
            Arrays.stream(System.getProperty("complexitynet.service.java-options", "").split(" "))
                    .filter(option -> !option.isBlank()).forEach(command::add);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
            builder.environment().putAll(environment);
            return builder;
        };
    }

    public int port() {
        return port;
    }

    /** The running service's process id, e.g. to read its memory and CPU time from /proc. */
    public long pid() {
        return process.pid();
    }

    /** Makes the service serve TLS only on its port, with these certificates, as in the cluster; call before starting. */
    public ServiceProcess overTls(TestCertificates certificates) {
        this.tls = certificates;
        return this;
    }

    /** Starts the service and waits until it reports ready. */
    public ServiceProcess start() {
        return launch().awaitReady();
    }

    /** Starts the service without waiting for it; see {@link #awaitReady()}. */
    public ServiceProcess launch() {
        try {
            Map<String, String> configuration = new HashMap<>(environment);
            configuration.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            if (tls != null) {
                configuration.putAll(tls.tlsOnlyEnvironment(port));
            }
            configuration.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            process = launch.process(configuration)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", name + ".log").toFile()))
                    .start();
            // A test JVM that dies without stopping its resources must not leave the service holding the port.
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
        return this;
    }

    /** Waits until the service reports ready (at most a minute). */
    public ServiceProcess awaitReady() {
        return awaitReadiness(response -> response.statusCode() == 200);
    }

    /** Waits (at most a minute) until the service's readiness answer, status and body, is what {@code ready} accepts. */
    public ServiceProcess awaitReadiness(Predicate<HttpResponse<String>> ready) {
        awaitReadiness(ready, Duration.ofSeconds(60));
        return this;
    }

    /** Waits for a service expected to stop by itself (one that refuses to start); its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still runs after " + timeout.toSeconds() + " s; see target/" + name + ".log");
        }
        return process.exitValue();
    }

    /** What the service has logged so far (every run of this name appends to the same file). */
    public String log() {
        try {
            return Files.readString(Path.of("target", name + ".log"));
        } catch (IOException e) {
            throw new IllegalStateException("could not read target/" + name + ".log", e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitReadiness(Predicate<HttpResponse<String>> ready, Duration timeout) {
        HttpClient http = tls == null ? HttpClient.newHttpClient() : HttpClient.newBuilder().sslContext(tls.trustingAuthority()).build();
        URI readiness = URI.create((tls == null ? "http" : "https") + "://localhost:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/" + name + ".log");
            }
            try {
                if (ready.test(http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.ofString()))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see target/" + name + ".log");
    }
}
