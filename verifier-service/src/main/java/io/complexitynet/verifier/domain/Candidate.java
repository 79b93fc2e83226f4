package io.complexitynet.verifier.domain;

import java.util.List;

/** One model-written program to judge: its code, the setup code and the test statements. */
public record Candidate(String id, String code, String setupCode, List<String> tests, Limits limits) {
    public Candidate {
        tests = List.copyOf(tests);
    }
}
