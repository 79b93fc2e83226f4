package io.complexitynet.reproduce.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The PromQL of the cluster's Grafana dashboard and alerts ({@code k8s/base/monitoring/}), and the metrics it names. */
final class MonitoringQueries {

    private static final Path MONITORING = Path.of(System.getProperty("complexitynet.repo.dir", "..")).resolve("k8s/base/monitoring");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One expression and where it is: a dashboard panel or an alert. */
    record Query(String where, String expr) {
    }

    private MonitoringQueries() {
    }

    static List<Query> all() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode dashboard : read(MONITORING.resolve("grafana-dashboard.yaml")).path("data")) {
            for (JsonNode panel : parse(dashboard.asText()).path("panels")) {
                panel.path("targets").forEach(target -> queries.add(new Query("panel " + panel.path("title").asText(), target.path("expr").asText())));
            }
        }
        for (JsonNode group : read(MONITORING.resolve("prometheus-rules.yaml")).path("spec").path("groups")) {
            group.path("rules").forEach(rule -> queries.add(new Query("alert " + rule.path("alert").asText(), rule.path("expr").asText())));
        }
        return queries;
    }

    /** Every metric name the queries select, with the first place that uses it. */
    static Map<String, String> metricNames() {
        Map<String, String> names = new TreeMap<>();
        for (Query query : all()) {
            PromQlMetricNames.in(query.expr()).forEach(name -> names.putIfAbsent(name, query.where()));
        }
        return names;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
