package io.complexitynet.core.probe;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether two answers of one model to one request compute the same on the task's example calls: one candidate for the
 * verifier in which both answers load side by side, each in a namespace of its own, and a statement per call that asks
 * whether their results print the same ({@code repr}). No expected value is read anywhere; agreeing says only that two
 * samples computed alike, which a wrong answer does less often than a right one.
 *
 * <p>Both answers and the comparison run in the candidate's process, in the same sandbox and with the same limits as
 * any verification, never in the verifier's judge; the answers travel base64-encoded, so no text of theirs can end a
 * string. An answer could make the comparison say yes, as it can make its own probe pass: agreement is evidence for the
 * router's decision, never a boundary.
 */
public record SampleAgreement(List<String> calls) {

    /** The candidate's comparing function, which the statements call with a base64-encoded call. */
    static final String AGREE = "complexitynet_agree";
    /**
     * The candidate's size in UTF-8 bytes at most, below the verifier's default 64 KiB for code: a pair of answers that
     * does not fit is not compared.
     */
    static final int MAX_CODE_BYTES = 60_000;

    public SampleAgreement {
        calls = calls.stream().distinct().toList();
    }

    /** The comparison of the example calls {@code probe} makes. */
    public static SampleAgreement of(AnswerProbe probe) {
        return new SampleAgreement(probe.calls());
    }

    /**
     * The candidate that compares {@code first} with {@code second}: empty when there is no call to compare them on, or
     * when the two answers together are too large for one candidate.
     */
    public Optional<String> candidate(String first, String second) {
        if (calls.isEmpty()) {
            return Optional.empty();
        }
        String code = String.join("\n",
                "import base64 as _cn_base64",
                "def _cn_load(source):",
                "    namespace = {'__name__': '__main__'}",
                "    exec(compile(_cn_base64.b64decode(source).decode('utf-8'), '<answer>', 'exec'), namespace)",
                "    return namespace",
                "_cn_first = _cn_load('" + base64(first) + "')",
                "_cn_second = _cn_load('" + base64(second) + "')",
                "def " + AGREE + "(call):",
                "    expression = _cn_base64.b64decode(call).decode('utf-8')",
                "    return repr(eval(expression, _cn_first)) == repr(eval(expression, _cn_second))",
                "");
        return code.getBytes(StandardCharsets.UTF_8).length > MAX_CODE_BYTES ? Optional.empty() : Optional.of(code);
    }

    /** The statements to run against {@link #candidate}: one per distinct call, in order. */
    public List<String> statements() {
        return calls.stream().map(call -> "assert " + AGREE + "('" + base64(call) + "')").collect(Collectors.toList());
    }

    /** Whether the verifier's verdict for the comparison (PASSED, FAILED, ERROR, ...) says the two answers agreed. */
    public static boolean agreed(String verdict) {
        return "PASSED".equals(verdict);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
