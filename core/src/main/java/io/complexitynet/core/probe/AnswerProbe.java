package io.complexitynet.core.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * A test-free run of an answer: the statements the verifier runs against it in place of tests. Each example call must
 * return, then none may return {@code None} (a function that prints instead of returning); no expected value is read
 * anywhere. Without example calls the answer must still load. The verifier runs these as it runs tests, in the same
 * sandbox with the same limits, and stops at the first that does not hold.
 */
public record AnswerProbe(List<String> calls) {

    /** What the verifier runs when the task shows no example call: loading the answer is all that is checked. */
    static final String LOAD_ONLY = "pass";

    public AnswerProbe {
        calls = List.copyOf(calls);
    }

    /** The probe of the example calls a task's text shows. */
    public static AnswerProbe of(String taskText) {
        return new AnswerProbe(ExampleCalls.in(taskText));
    }

    /** The statements to run, in order: every call, then every call's result checked against {@code None}. */
    public List<String> statements() {
        if (calls.isEmpty()) {
            return List.of(LOAD_ONLY);
        }
        List<String> statements = new ArrayList<>(calls);
        calls.forEach(call -> statements.add("assert (" + call + ") is not None"));
        return List.copyOf(statements);
    }
}
