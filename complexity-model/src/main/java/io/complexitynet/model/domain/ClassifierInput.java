package io.complexitynet.model.domain;

import java.util.List;

/**
 * The text the classifier reads, built the same way by the trainer and the router: the task's
 * instruction, then its first test line. MBPP's instructions rarely name the function; the first assert
 * gives its name and how it is called, as in MBPP's own prompting practice.
 */
public final class ClassifierInput {

    private ClassifierInput() {
    }

    public static String of(String text, List<String> tests) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the task text is empty");
        }
        String instruction = text.strip();
        return tests.isEmpty() ? instruction : instruction + "\n" + tests.get(0).strip();
    }
}
