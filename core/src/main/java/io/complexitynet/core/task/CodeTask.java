package io.complexitynet.core.task;

import java.util.List;

/**
 * A coding task with checkable tests, in MBPP's shape: the instruction a model is given, the
 * setup code run before the tests, and the test statements (normally one {@code assert} each).
 * {@code sourceId} is the task's id in the data set it came from, e.g. MBPP's "11".
 */
public record CodeTask(String sourceId, String prompt, String setupCode, List<String> tests) {

    public CodeTask {
        tests = List.copyOf(tests);
    }
}
