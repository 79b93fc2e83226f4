package io.complexitynet.reproduce.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void aSelectorAloneOrWithMatchersAndRangeIsAName() {
        assertEquals(Set.of("verifier_queue_depth", "verifier_queue_capacity"),
                PromQlMetricNames.in("verifier_queue_depth / verifier_queue_capacity > 0.9"));
        assertEquals(Set.of("router_tenant_requests_total"),
                PromQlMetricNames.in("rate(router_tenant_requests_total{verdict=\"PASSED\",tenant=~\"a|b\"}[5m])"));
    }

    @Test
    void functionsAggregationsAndGroupingLabelsAreNotNames() {
        assertEquals(Set.of("router_tenant_budget_spent_cost_units", "router_tenant_budget_cost_units"),
                PromQlMetricNames.in("max by (tenant) (router_tenant_budget_spent_cost_units)"
                        + " / max by (tenant) (router_tenant_budget_cost_units > 0) > 0.9"));
        assertEquals(Set.of("x_seconds_bucket"),
                PromQlMetricNames.in("histogram_quantile(0.99, sum without (pod, instance) (rate(x_seconds_bucket[5m])))"));
        assertEquals(Set.of("a", "b"), PromQlMetricNames.in("sum(a) by (queue) / on (pod) group_left (queue) b"));
    }

    @Test
    void keywordsNumbersDurationsAndStringsAreNotNames() {
        assertEquals(Set.of("up", "m"), PromQlMetricNames.in(
                "absent(up{job=\"x\"}) or label_replace(m, \"dst\", \"$1\", \"src\", \"(other_name)\") > bool 1e3 unless m offset 5m"));
        assertEquals(Set.of("c", "d"), PromQlMetricNames.in("increase(c[1h:5m]) * 0x1f + Inf - 1e+3+d"));
    }

    @Test
    void grafanaVariablesAreNotNames() {
        assertEquals(Set.of("router_decision_duration_seconds_sum"),
                PromQlMetricNames.in("sum(rate(router_decision_duration_seconds_sum{namespace=\"$namespace\"}[$__rate_interval])) * ${factor}"));
    }
}
