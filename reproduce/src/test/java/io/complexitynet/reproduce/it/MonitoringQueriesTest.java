package io.complexitynet.reproduce.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringQueriesTest {

    @Test
    void everyPanelTargetAndAlertHasAnExpressionNamingAMetric() {
        List<MonitoringQueries.Query> queries = MonitoringQueries.all();
        assertTrue(queries.stream().anyMatch(query -> query.where().startsWith("alert ")), "no alert read");
        for (MonitoringQueries.Query query : queries) {
            assertFalse(PromQlMetricNames.in(query.expr()).isEmpty(), query + " names no metric");
        }
    }

    @Test
    void theNamesAreThoseTheServicesExportInPrometheusForm() {
        Map<String, String> names = MonitoringQueries.metricNames();
        assertTrue(names.keySet().containsAll(List.of("router_tenant_cost_units_total", "verifier_queue_depth",
                "complexitynet_parked_messages_total", "router_classifier_loaded")), names.keySet().toString());
        names.keySet().forEach(name -> assertFalse(name.contains("."), name + " is in Micrometer's form, not Prometheus'"));
    }
}
