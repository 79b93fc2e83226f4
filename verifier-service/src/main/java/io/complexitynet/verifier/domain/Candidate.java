package io.complexitynet.verifier.domain;

import java.util.List;

/**
 * One model-written program to judge: its code, the setup code and the test statements, and the
 * names the task asks the code to define beyond those the judge infers (see {@code provides} in the proto).
 */
public record Candidate(String id, String code, String setupCode, List<String> tests, List<String> provides, Limits limits) {
    public Candidate {
        tests = List.copyOf(tests);
        provides = List.copyOf(provides);
    }

    public Candidate(String id, String code, String setupCode, List<String> tests, Limits limits) {
        this(id, code, setupCode, tests, List.of(), limits);
    }
}
