package io.complexitynet.verifier.domain;

import java.util.List;
import java.util.Map;

/** Splits tests into probes and decides, outside the candidate's process, whether each test held. */
public interface Judge {

    /** The probes and checks for a candidate's tests; {@link InvalidRequestException} when a test does not parse. */
    TestPlan plan(Candidate candidate);

    /** One outcome per check of the plan, given the probe values the runner reported. */
    List<TestOutcome> judge(TestPlan plan, Map<Integer, String> probeValues);
}
