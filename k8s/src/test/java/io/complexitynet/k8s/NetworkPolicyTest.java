package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Traffic: nothing in or out of the sandbox; in complexitynet, each service reachable only by its callers. */
class NetworkPolicyTest {

    static final List<String> DEPLOYABLE = ManifestTree.DEPLOYABLE;

    private static final String OPS = "complexitynet.io/ops";

    /** Peers allowed in, written as {@link #describe} writes them, per service. */
    private static final Map<Services, Set<String>> CALLERS = Map.of(
            Services.ROUTER, Set.of("any namespace"),
            Services.VERIFIER, Set.of("pods {app.kubernetes.io/name=router-service}", "namespaces {" + OPS + "=true}"),
            Services.LABELER, Set.of("namespaces {" + OPS + "=true}", "pods {" + OPS + "=true}"),
            Services.TRAINER, Set.of("namespaces {" + OPS + "=true}", "pods {" + OPS + "=true}"));

    /** Pods of this namespace each service may open connections to (DNS aside), by app.kubernetes.io/name. */
    private static final Map<Services, Set<String>> CALLEES = Map.of(
            Services.ROUTER, Set.of("postgresql", "rabbitmq", "keycloak", "verifier-service"),
            Services.VERIFIER, Set.of("rabbitmq", "keycloak"),
            Services.LABELER, Set.of("postgresql", "rabbitmq", "keycloak"),
            Services.TRAINER, Set.of("postgresql", "rabbitmq", "keycloak"));

    private static final String DNS =
            "namespaces {kubernetes.io/metadata.name=kube-system} and pods {k8s-app=kube-dns} on [TCP 53, UDP 53]";

    /**
     * Where the verifier's pods may connect, all policies selecting them together (they add up); an address block is
     * named by its policy, since NetworkPolicies cannot name hosts: kubernetes-api the API server, keycloak-external
     * prod's Keycloak. The base's rules towards the dev rabbitmq and keycloak pods match nothing in prod.
     */
    private static final Map<String, Set<String>> VERIFIER_EGRESS = Map.of(
            "base", Set.of(DNS, "pods {app.kubernetes.io/name=rabbitmq} on [TCP 5672]",
                    "pods {app.kubernetes.io/name=keycloak} on [TCP 8080]", "addresses of kubernetes-api on [TCP 443, TCP 6443]"),
            "overlays/dev", Set.of(DNS, "pods {app.kubernetes.io/name=rabbitmq} on [TCP 5672]",
                    "pods {app.kubernetes.io/name=keycloak} on [TCP 8080]", "addresses of kubernetes-api on [TCP 6443]"),
            "overlays/prod", Set.of(DNS, "pods {app.kubernetes.io/name=rabbitmq} on [TCP 5672]",
                    "pods {app.kubernetes.io/name=keycloak} on [TCP 8080]",
                    "pods {app.kubernetes.io/name=complexitynet-mq} on [TCP 5672]",
                    "addresses of keycloak-external on [TCP 443]", "addresses of kubernetes-api on [TCP 443, TCP 6443]"));

    /** The widest address block an egress rule may open: a range someone chose, never "anywhere". */
    private static final int WIDEST_IPV4_PREFIX = 16;
    private static final int WIDEST_IPV6_PREFIX = 48;

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void theVerifierReachesOnlyTheBrokerKeycloakAndTheKubernetesApi(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        Set<String> egress = new TreeSet<>();
        for (NetworkPolicy policy : selecting(manifests, podLabels(manifests, Services.VERIFIER))) {
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                String on = rule.getPorts().isEmpty() ? " on every port" : " on " + ports(rule.getPorts());
                if (rule.getTo().isEmpty()) {
                    egress.add("anywhere" + on);
                }
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    String to = peer.getIpBlock() != null ? "addresses of " + policy.getMetadata().getName() : describe(peer);
                    egress.add(to + on);
                }
            }
        }
        assertEquals(new TreeSet<>(VERIFIER_EGRESS.get(kustomization)), egress, kustomization + ": where the verifier may connect");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void noEgressRuleReachesEveryAddress(String kustomization) {
        for (NetworkPolicy policy : ManifestSet.rendered(kustomization).all(NetworkPolicy.class)) {
            String id = kustomization + ": NetworkPolicy " + policy.getMetadata().getName();
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                assertFalse(rule.getTo().isEmpty(), id + " allows egress to any address on " + ports(rule.getPorts()));
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getIpBlock() != null) {
                        String cidr = peer.getIpBlock().getCidr();
                        int prefix = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
                        int widest = cidr.contains(":") ? WIDEST_IPV6_PREFIX : WIDEST_IPV4_PREFIX;
                        assertTrue(prefix >= widest, id + " opens egress to " + cidr + ", wider than /" + widest);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void ofTheServicesOnlyTheVerifierReachesTheKubernetesApi(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        NetworkPolicy api = manifests.get(NetworkPolicy.class, Services.NAMESPACE, "kubernetes-api");
        assertTrue(api.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream())
                        .allMatch(peer -> peer.getIpBlock() != null),
                kustomization + ": the kubernetes-api policy reaches more than the API server's addresses");
        for (Services service : Services.values()) {
            boolean selected = LabelSelectors.matches(api.getSpec().getPodSelector(), podLabels(manifests, service));
            assertEquals(service == Services.VERIFIER, selected,
                    kustomization + ": whether " + service.name + " may reach the Kubernetes API");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void theSandboxNamespaceDeniesEveryConnectionInAndOut(String kustomization) {
        List<NetworkPolicy> policies = ManifestSet.rendered(kustomization).all(NetworkPolicy.class).stream()
                .filter(policy -> Services.SANDBOX_NAMESPACE.equals(policy.getMetadata().getNamespace())).toList();
        assertEquals(1, policies.size(), kustomization + ": the sandbox namespace must hold exactly one policy, "
                + "since policies add up: " + policies.stream().map(p -> p.getMetadata().getName()).toList());
        assertDeniesAll(policies.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void complexitynetDeniesByDefaultAndAllowsDns(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        assertDeniesAll(manifests.get(NetworkPolicy.class, Services.NAMESPACE, "default-deny"));
        NetworkPolicy dns = manifests.get(NetworkPolicy.class, Services.NAMESPACE, "allow-dns");
        assertEquals(List.of("Egress"), dns.getSpec().getPolicyTypes());
        assertEquals(Set.of("UDP 53", "TCP 53"), ports(dns.getSpec().getEgress().get(0).getPorts()));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void eachServiceAcceptsOnlyItsCallersAndOnlyOnItsPort(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (Services service : Services.values()) {
            Map<String, String> labels = podLabels(manifests, service);
            List<NetworkPolicy> admitting = selecting(manifests, labels).stream()
                    .filter(policy -> !policy.getSpec().getIngress().isEmpty()).toList();
            assertEquals(List.of(service.name), admitting.stream().map(p -> p.getMetadata().getName()).toList(),
                    kustomization + ": policies letting traffic into " + service.name);
            Set<String> peers = new TreeSet<>();
            for (NetworkPolicyIngressRule rule : admitting.get(0).getSpec().getIngress()) {
                assertEquals(Set.of("TCP " + service.port), ports(rule.getPorts()),
                        kustomization + ": " + service.name + " admits traffic beyond its port");
                rule.getFrom().forEach(peer -> peers.add(describe(peer)));
            }
            assertEquals(new TreeSet<>(CALLERS.get(service)), peers, kustomization + ": callers admitted into " + service.name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("DEPLOYABLE")
    void eachServiceReachesOnlyWhatItCalls(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (Services service : Services.values()) {
            NetworkPolicy own = manifests.get(NetworkPolicy.class, Services.NAMESPACE, service.name);
            assertTrue(own.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")), service.name);
            Set<String> callees = new TreeSet<>();
            for (NetworkPolicyEgressRule rule : own.getSpec().getEgress()) {
                assertFalse(rule.getPorts().isEmpty(), kustomization + ": " + service.name + " may reach every port of " + rule.getTo());
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getPodSelector() != null) {
                        callees.add(peer.getPodSelector().getMatchLabels().get(Services.NAME_LABEL));
                    }
                }
            }
            assertEquals(new TreeSet<>(CALLEES.get(service)), callees, kustomization + ": pods " + service.name + " may call");
        }
    }

    private static void assertDeniesAll(NetworkPolicy policy) {
        String id = "NetworkPolicy " + policy.getMetadata().getNamespace() + "/" + policy.getMetadata().getName();
        LabelSelector selector = policy.getSpec().getPodSelector();
        assertTrue(selector.getMatchLabels().isEmpty() && selector.getMatchExpressions().isEmpty(), id + " does not select every pod");
        assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(policy.getSpec().getPolicyTypes()), id);
        assertTrue(policy.getSpec().getIngress().isEmpty() && policy.getSpec().getEgress().isEmpty(), id + " allows something");
    }

    private static List<NetworkPolicy> selecting(ManifestSet manifests, Map<String, String> labels) {
        return manifests.all(NetworkPolicy.class).stream()
                .filter(policy -> Services.NAMESPACE.equals(policy.getMetadata().getNamespace()))
                .filter(policy -> LabelSelectors.matches(policy.getSpec().getPodSelector(), labels))
                .toList();
    }

    private static Map<String, String> podLabels(ManifestSet manifests, Services service) {
        return manifests.get(Deployment.class, Services.NAMESPACE, service.name).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static Set<String> ports(List<NetworkPolicyPort> ports) {
        Set<String> described = new TreeSet<>();
        for (NetworkPolicyPort port : ports) {
            described.add((port.getProtocol() == null ? "TCP" : port.getProtocol()) + " " + port.getPort().getValue()
                    + (port.getEndPort() == null ? "" : "-" + port.getEndPort()));
        }
        return described;
    }

    /** A peer in words; a selector written with expressions is refused, so the expectations stay readable. */
    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "addresses " + peer.getIpBlock().getCidr();
        }
        LabelSelector namespaces = peer.getNamespaceSelector();
        LabelSelector pods = peer.getPodSelector();
        for (LabelSelector selector : new LabelSelector[] {namespaces, pods}) {
            if (selector != null) {
                List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
                assertTrue(expressions.isEmpty(), "peers use matchLabels only: " + peer);
            }
        }
        if (namespaces != null && pods == null) {
            return namespaces.getMatchLabels().isEmpty() ? "any namespace" : "namespaces " + namespaces.getMatchLabels();
        }
        if (namespaces == null && pods != null) {
            return "pods " + pods.getMatchLabels();
        }
        return "namespaces " + namespaces.getMatchLabels() + " and pods " + pods.getMatchLabels();
    }
}
