package io.complexitynet.core.task;

import java.util.List;

/**
 * A coding task with checkable tests, in MBPP's shape: the instruction a model is given, the
 * setup code run before the tests, and the test statements (normally one {@code assert} each).
 * {@code sourceId} is the task's id in the data set it came from, e.g. MBPP's "11". {@code conversation}
 * is what a caller sent as chat messages, passed to chat models as it is; empty, the models get our own
 * prompt made from the instruction and the tests.
 */
public record CodeTask(String sourceId, String prompt, String setupCode, List<String> tests, List<ChatTurn> conversation) {

    public CodeTask {
        tests = List.copyOf(tests);
        conversation = List.copyOf(conversation);
    }

    /** A task a model gets our own prompt for. */
    public CodeTask(String sourceId, String prompt, String setupCode, List<String> tests) {
        this(sourceId, prompt, setupCode, tests, List.of());
    }
}
