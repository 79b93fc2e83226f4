package io.complexitynet.core.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A test-free run of an answer: the statements the verifier runs against it in place of tests. Each example call must
 * return, then none may return {@code None} (a function that prints instead of returning), then calls that differ may
 * not all return the same value; no expected value is read anywhere. Without example calls the answer must still load.
 * The verifier runs these as it runs tests, in the same sandbox with the same limits, and stops at the first that does
 * not hold.
 */
public record AnswerProbe(List<String> calls) {

    /** What the verifier runs when the task shows no example call: loading the answer is all that is checked. */
    static final String LOAD_ONLY = "pass";
    /**
     * The comparison's size in UTF-8 bytes at most, half the verifier's default limit per statement: ten calls of
     * {@link ExampleCalls#MAX_CALL_CHARS} would not fit, so the comparison takes the first calls that do.
     */
    static final int MAX_COMPARISON_BYTES = 8_192;
    private static final String COMPARISON_START = "assert len({";
    private static final String COMPARISON_END = "}) > 1";

    public AnswerProbe {
        calls = List.copyOf(calls);
    }

    /** The probe of the example calls a task's text shows. */
    public static AnswerProbe of(String taskText) {
        return new AnswerProbe(ExampleCalls.in(taskText));
    }

    /**
     * The statements to run, in order: every call, then every call's result checked against {@code None}, then, when
     * the task shows two different calls or more, their results compared. Examples show different inputs to show
     * different outputs (only 7 of MBPP's 974 tasks expect the same value from all three of their tests), while an answer
     * that ignores its input, or always falls through to one {@code return}, gives the same for every call.
     */
    public List<String> statements() {
        if (calls.isEmpty()) {
            return List.of(LOAD_ONLY);
        }
        List<String> statements = new ArrayList<>(calls);
        calls.forEach(call -> statements.add("assert (" + call + ") is not None"));
        List<String> compared = new ArrayList<>();
        int bytes = utf8Bytes(COMPARISON_START + COMPARISON_END);
        for (String call : calls.stream().distinct().toList()) {
            String item = "repr(" + call + "), ";
            if (bytes + utf8Bytes(item) > MAX_COMPARISON_BYTES) {
                break;
            }
            compared.add(call);
            bytes += utf8Bytes(item);
        }
        if (compared.size() > 1) {
            statements.add(compared.stream().map(call -> "repr(" + call + ")").collect(Collectors.joining(", ", COMPARISON_START, COMPARISON_END)));
        }
        return List.copyOf(statements);
    }

    private static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
