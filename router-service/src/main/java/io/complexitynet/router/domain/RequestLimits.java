package io.complexitynet.router.domain;

import io.complexitynet.core.refusal.RequestRefused;
import java.util.List;

/**
 * How much text one routed request may carry. Every character of the prompt is encoded and sent to models,
 * and every test and line of setup runs in a sandbox: unbounded, one caller could take a replica's memory and
 * cores. Checked before any model is asked, each refusal naming the field and its limit.
 */
public record RequestLimits(int promptChars, int tests, int testChars, int setupChars) {

    public void check(String prompt, List<String> requestTests, String setupCode) {
        within("prompt", prompt, promptChars);
        checkStatements("tests", requestTests);
        within("setup_code", setupCode, setupChars);
    }

    /** Statements other than tests that reach the sandbox (examples) are held to the tests' limits. */
    public void checkStatements(String field, List<String> statements) {
        if (statements.size() > tests) {
            throw RequestRefused.invalidArgument(field, "has " + statements.size() + " statements; at most " + tests + " are allowed");
        }
        for (int i = 0; i < statements.size(); i++) {
            within(field + "[" + i + "]", statements.get(i), testChars);
        }
    }

    private static void within(String field, String text, int limit) {
        if (text.length() > limit) {
            throw RequestRefused.invalidArgument(field, "is " + text.length() + " characters; at most " + limit + " are allowed");
        }
    }
}
