package io.complexitynet.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What Prometheus and Grafana read (base/monitoring, in both overlays): each service scraped over TLS where it serves
 * its metrics and let in to do so, a dashboard Grafana can load, alerts Prometheus can load. That the metrics they name
 * exist is checked against the running services (reproduce's EndToEndIT).
 */
class MonitoringTest {

    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");

    private static final String API_VERSION = "monitoring.coreos.com/v1";
    private static final Map<String, String> PROMETHEUS_NAMESPACE = Map.of("complexitynet.io/ops", "true");
    private static final Set<String> ALERTS = Set.of("ComplexityNetTenantNearBudget", "ComplexityNetVerifierQueueSaturated",
            "ComplexityNetWorkParked", "ComplexityNetNoPromotedModel");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void eachServiceIsScrapedOverTlsAtQuarkusMetricsPath(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        List<GenericKubernetesResource> monitors = manifests.custom(API_VERSION, "ServiceMonitor");
        for (Services service : Services.values()) {
            Service kubernetesService = manifests.get(Service.class, Services.NAMESPACE, service.name);
            List<GenericKubernetesResource> scraping = monitors.stream()
                    .filter(monitor -> Services.NAMESPACE.equals(monitor.getMetadata().getNamespace()))
                    .filter(monitor -> kubernetesService.getMetadata().getLabels().entrySet()
                            .containsAll(monitor.<Map<String, String>>get("spec", "selector", "matchLabels").entrySet()))
                    .toList();
            assertEquals(1, scraping.size(), kustomization + ": ServiceMonitors selecting " + service.name);
            GenericKubernetesResource monitor = scraping.get(0);
            assertEquals(List.of(Services.NAMESPACE), monitor.get("spec", "namespaceSelector", "matchNames"), monitor.getMetadata().getName());
            List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
            assertEquals(1, endpoints.size(), service.name);
            Map<String, Object> endpoint = endpoints.get(0);
            String portName = kubernetesService.getSpec().getPorts().get(0).getName();
            assertEquals(portName, endpoint.get("port"), service.name + ": the Service's port");
            assertEquals("/q/metrics", endpoint.get("path"), service.name);
            assertEquals("https", endpoint.get("scheme"), service.name + " serves TLS only");
            Map<String, Object> tls = monitor.get("spec", "endpoints", 0, "tlsConfig");
            assertEquals(Map.of("secret", Map.of("name", service.name + "-tls", "key", "ca.crt")), tls.get("ca"),
                    service.name + ": the CA cert-manager writes beside the service's certificate");
            GenericKubernetesResource certificate = manifests.custom("cert-manager.io/v1", "Certificate").stream()
                    .filter(c -> service.name.equals(c.getMetadata().getName())).findFirst().orElseThrow();
            List<String> dnsNames = certificate.get("spec", "dnsNames");
            assertTrue(dnsNames.contains((String) tls.get("serverName")),
                    service.name + ": serverName " + tls.get("serverName") + " is not on the certificate " + dnsNames);
            assertFalse(tls.containsKey("insecureSkipVerify"), service.name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void prometheusNamespaceIsLetInToEveryScrapedPort(String kustomization) {
        ManifestSet manifests = ManifestSet.rendered(kustomization);
        for (Services service : Services.values()) {
            NetworkPolicy policy = manifests.get(NetworkPolicy.class, Services.NAMESPACE, service.name);
            boolean admitted = false;
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                boolean onPort = rule.getPorts().isEmpty()
                        || rule.getPorts().stream().anyMatch(port -> port.getPort().getIntVal() == service.port);
                admitted |= onPort && rule.getFrom().stream().anyMatch(peer -> peer.getPodSelector() == null
                        && peer.getNamespaceSelector() != null
                        && LabelSelectors.matches(peer.getNamespaceSelector(), PROMETHEUS_NAMESPACE));
            }
            assertTrue(admitted, kustomization + ": " + service.name + " does not admit a namespace labelled " + PROMETHEUS_NAMESPACE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void theDashboardParsesAndEveryPanelQueriesPrometheus(String kustomization) {
        List<ConfigMap> dashboards = ManifestSet.rendered(kustomization).all(ConfigMap.class).stream()
                .filter(map -> "1".equals(map.getMetadata().getLabels() == null ? null : map.getMetadata().getLabels().get("grafana_dashboard")))
                .toList();
        assertEquals(1, dashboards.size(), kustomization + ": ConfigMaps labelled for Grafana's sidecar");
        assertEquals(Services.NAMESPACE, dashboards.get(0).getMetadata().getNamespace());
        for (Map.Entry<String, String> file : dashboards.get(0).getData().entrySet()) {
            assertTrue(file.getKey().endsWith(".json"), file.getKey());
            JsonNode dashboard = parse(file.getValue());
            assertFalse(dashboard.path("uid").asText().isBlank(), file.getKey() + " has no uid");
            Set<Integer> ids = new HashSet<>();
            int queries = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                String title = panel.path("title").asText();
                assertTrue(ids.add(panel.path("id").asInt()), "panel id " + panel.path("id") + " twice");
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                assertFalse(panel.path("targets").isEmpty(), title + " queries nothing");
                for (JsonNode target : panel.path("targets")) {
                    assertFalse(target.path("expr").asText().isBlank(), title + ": a target without a PromQL expr");
                    queries++;
                }
            }
            assertTrue(queries >= 6, "queries: " + queries);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void theRulesParseAndEveryRuleHasAnExpression(String kustomization) {
        List<GenericKubernetesResource> rules = ManifestSet.rendered(kustomization).custom(API_VERSION, "PrometheusRule");
        assertEquals(1, rules.size(), kustomization + ": PrometheusRules");
        Set<String> alerts = new HashSet<>();
        List<Map<String, Object>> groups = rules.get(0).get("spec", "groups");
        assertFalse(groups.isEmpty(), "no rule groups");
        for (Map<String, Object> group : groups) {
            assertTrue(group.get("name") instanceof String name && !name.isBlank(), "a group without a name");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groupRules = (List<Map<String, Object>>) group.get("rules");
            assertFalse(groupRules == null || groupRules.isEmpty(), group.get("name") + " has no rules");
            for (Map<String, Object> rule : groupRules) {
                assertTrue(rule.get("alert") instanceof String || rule.get("record") instanceof String, "neither alert nor record: " + rule);
                assertTrue(rule.get("expr") instanceof String expr && !expr.isBlank(), rule + " has no expr");
                if (rule.get("alert") instanceof String alert) {
                    alerts.add(alert);
                    assertTrue(rule.get("annotations") instanceof Map<?, ?> annotations && annotations.containsKey("summary"), alert);
                }
            }
        }
        assertTrue(alerts.containsAll(ALERTS), "alerts: " + alerts);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
