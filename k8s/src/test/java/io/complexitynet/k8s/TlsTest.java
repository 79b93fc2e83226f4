package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every service serves gRPC, health and metrics over TLS only, with a certificate cert-manager issues for the name
 * its callers dial; the router checks the verifier's against the CA that issued both. The manifests' side of the
 * contract the services' configuration follows (k8s/README.md, "Every service").
 */
class TlsTest {

    static final List<String> DEPLOYABLE = ManifestTree.DEPLOYABLE;

    private static final String TLS_DIRECTORY = "/etc/complexitynet/tls";
    private static final String CERTIFICATE_API = "cert-manager.io/v1";

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void everyServiceMountsItsOwnCertificateReadOnly(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (Services service : Services.values()) {
            String id = kustomization + ": " + service.name;
            PodSpec pod = manifests.get(Deployment.class, Services.NAMESPACE, service.name).getSpec().getTemplate().getSpec();
            VolumeMount mount = pod.getContainers().get(0).getVolumeMounts().stream()
                    .filter(candidate -> candidate.getMountPath().equals(TLS_DIRECTORY)).findFirst()
                    .orElseThrow(() -> new AssertionError(id + " mounts nothing at " + TLS_DIRECTORY));
            assertEquals(Boolean.TRUE, mount.getReadOnly(), id + "'s certificate is mounted writable");
            Volume volume = pod.getVolumes().stream().filter(candidate -> candidate.getName().equals(mount.getName()))
                    .findFirst().orElseThrow();
            assertNotNull(volume.getSecret(), id + " mounts no Secret at " + TLS_DIRECTORY);
            assertEquals(secretName(service), volume.getSecret().getSecretName(), id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void everyServiceServesOnlyTlsOnItsPortOnEveryAddressAndIsProbedOverHttps(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (Services service : Services.values()) {
            Map<String, String> environment = ServiceEnvironment.of(manifests, service);
            Map<String, String> expected = Map.of(
                    "QUARKUS_TLS_KEY_STORE_PEM__0__CERT", TLS_DIRECTORY + "/tls.crt",
                    "QUARKUS_TLS_KEY_STORE_PEM__0__KEY", TLS_DIRECTORY + "/tls.key",
                    "QUARKUS_HTTP_HOST", "0.0.0.0",
                    "QUARKUS_HTTP_SSL_PORT", String.valueOf(service.port),
                    "QUARKUS_HTTP_INSECURE_REQUESTS", "disabled");
            expected.forEach((variable, value) -> assertEquals(value, environment.get(variable),
                    kustomization + ": " + service.name + "'s " + variable));
            Container container = manifests.get(Deployment.class, Services.NAMESPACE, service.name)
                    .getSpec().getTemplate().getSpec().getContainers().get(0);
            for (Probe probe : Arrays.asList(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                assertTrue(probe != null && probe.getHttpGet() != null, kustomization + ": " + service.name + " lacks an HTTP probe");
                assertEquals("HTTPS", probe.getHttpGet().getScheme(), kustomization + ": " + service.name + " probes in plain HTTP");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void everyCertificateSecretIsIssuedForItsServicesName(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (Services service : Services.values()) {
            assertTrue(manifests.find(Secret.class, Services.NAMESPACE, secretName(service)).isEmpty(),
                    kustomization + ": " + secretName(service) + " is rendered, not written by cert-manager");
            GenericKubernetesResource certificate = certificate(manifests, service);
            Service kubernetesService = manifests.get(Service.class, Services.NAMESPACE, service.name);
            List<String> names = certificate.get("spec", "dnsNames");
            assertTrue(names.contains(kubernetesService.getMetadata().getName()),
                    kustomization + ": " + service.name + "'s certificate names " + names);
            assertTrue(names.contains(service.name + "." + Services.NAMESPACE + ".svc"),
                    kustomization + ": " + service.name + "'s certificate names " + names);
            List<String> usages = certificate.get("spec", "usages");
            assertTrue(usages.contains("server auth"), kustomization + ": " + service.name + "'s certificate usages " + usages);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void theRouterChecksTheVerifiersCertificateAgainstTheCaThatIssuedIt(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        Map<String, String> router = ServiceEnvironment.of(manifests, Services.ROUTER);
        String configuration = router.get("QUARKUS_GRPC_CLIENTS_VERIFIER_TLS_CONFIGURATION_NAME");
        assertEquals("verifier", configuration, kustomization + ": the router's verifier client uses no TLS configuration");
        assertEquals("false", router.get("QUARKUS_GRPC_CLIENTS_VERIFIER_PLAIN_TEXT"),
                kustomization + ": without plain-text=false the client ignores its TLS configuration");
        assertEquals(TLS_DIRECTORY + "/ca.crt",
                router.get("QUARKUS_TLS__" + configuration.toUpperCase(Locale.ROOT) + "__TRUST_STORE_PEM_CERTS"),
                kustomization + ": the router's trust store for the verifier");
        List<String> verifierNames = certificate(manifests, Services.VERIFIER).get("spec", "dnsNames");
        String dialled = router.get("QUARKUS_GRPC_CLIENTS_VERIFIER_HOST");
        assertTrue(verifierNames.contains(dialled),
                kustomization + ": the router dials " + dialled + ", the verifier's certificate names " + verifierNames);
        // The router trusts the ca.crt beside its own certificate: the verifier's must come from the same issuer.
        Map<String, Object> verifierIssuer = certificate(manifests, Services.VERIFIER).get("spec", "issuerRef");
        assertEquals(verifierIssuer, certificate(manifests, Services.ROUTER).get("spec", "issuerRef"),
                kustomization + ": router and verifier certificates come from different issuers");
    }

    @Test
    void prodCertificatesComeFromTheOperatorsClusterIssuer() {
        for (Services service : Services.values()) {
            Map<String, Object> issuer = certificate(ManifestSet.rendered("overlays/prod"), service).get("spec", "issuerRef");
            assertEquals(Map.of("group", "cert-manager.io", "kind", "ClusterIssuer", "name", "complexitynet-ca"), issuer,
                    service.name);
        }
    }

    /** Dev: a self-signed Issuer makes a CA certificate, whose Secret a CA Issuer signs the services' certificates with. */
    @Test
    void devCertificatesComeFromTheOverlaysOwnCa() {
        ManifestSet dev = ManifestSet.rendered("overlays/dev");
        for (Services service : Services.values()) {
            Map<String, Object> reference = certificate(dev, service).get("spec", "issuerRef");
            assertEquals("Issuer", reference.get("kind"), service.name);
            GenericKubernetesResource issuer = issuer(dev, (String) reference.get("name"));
            String caSecret = issuer.get("spec", "ca", "secretName");
            assertNotNull(caSecret, "Issuer " + issuer.getMetadata().getName() + " is not a CA issuer");
            GenericKubernetesResource ca = dev.custom(CERTIFICATE_API, "Certificate").stream()
                    .filter(certificate -> caSecret.equals(certificate.get("spec", "secretName"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no Certificate writes the CA Secret " + caSecret));
            assertEquals(Boolean.TRUE, ca.get("spec", "isCA"), "Certificate " + ca.getMetadata().getName());
            String caIssuer = ca.get("spec", "issuerRef", "name");
            assertNotNull(issuer(dev, caIssuer).get("spec", "selfSigned"), "the CA is not self-signed");
        }
    }

    private static GenericKubernetesResource certificate(ManifestSet manifests, Services service) {
        List<GenericKubernetesResource> writing = manifests.custom(CERTIFICATE_API, "Certificate").stream()
                .filter(certificate -> Services.NAMESPACE.equals(certificate.getMetadata().getNamespace()))
                .filter(certificate -> secretName(service).equals(certificate.get("spec", "secretName"))).toList();
        assertEquals(1, writing.size(), "Certificates writing " + secretName(service) + ": " + writing.size());
        return writing.get(0);
    }

    private static GenericKubernetesResource issuer(ManifestSet manifests, String name) {
        return manifests.custom(CERTIFICATE_API, "Issuer").stream()
                .filter(issuer -> name.equals(issuer.getMetadata().getName())
                        && Services.NAMESPACE.equals(issuer.getMetadata().getNamespace()))
                .findFirst().orElseThrow(() -> new AssertionError("no Issuer " + name + " in " + Services.NAMESPACE));
    }

    private static String secretName(Services service) {
        return service.name + "-tls";
    }
}
