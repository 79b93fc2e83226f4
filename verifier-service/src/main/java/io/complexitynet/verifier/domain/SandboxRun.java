package io.complexitynet.verifier.domain;

import java.util.List;

/**
 * What a sandbox is given for one candidate. The code goes to the candidate's process; the setup, the
 * tests and the provided names to the judge's, which never loads the code.
 */
public record SandboxRun(String candidateId, String code, String setupCode, List<String> tests, List<String> provides,
                         Limits limits) {
    public SandboxRun {
        tests = List.copyOf(tests);
        provides = List.copyOf(provides);
    }

    public static SandboxRun of(Candidate candidate) {
        return new SandboxRun(candidate.id(), candidate.code(), candidate.setupCode(), candidate.tests(),
                candidate.provides(), candidate.limits());
    }
}
