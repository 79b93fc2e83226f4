package io.complexitynet.verifier.domain;

import java.util.List;

/**
 * How a candidate's tests are split: the probes the sandbox runs, in order, and one check per
 * test statement that the judge evaluates over the probes' values.
 */
public record TestPlan(List<Probe> probes, List<Check> checks) {

    public TestPlan {
        probes = List.copyOf(probes);
        checks = List.copyOf(checks);
    }

    /** One test statement: the probes it needs and the rest of its assertion, if it asserts. */
    public record Check(List<Integer> probeIndexes, String residual) {
        public Check {
            probeIndexes = List.copyOf(probeIndexes);
        }

        public boolean asserts() {
            return residual != null;
        }
    }
}
