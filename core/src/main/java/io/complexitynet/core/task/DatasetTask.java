package io.complexitynet.core.task;

import java.util.List;

/**
 * One task of an imported data set, whatever its file's format ({@link TaskFormat}): the prompt a model is given,
 * the setup code run before the tests, the test statements, and a reference solution ("" when the file has none).
 * {@code sourceId} is the task's id in its file: MBPP's "11", HumanEval's "HumanEval/0", a team's own.
 */
public record DatasetTask(String sourceId, String prompt, String setupCode, List<String> tests, String referenceCode) {

    public DatasetTask {
        tests = List.copyOf(tests);
    }

    public CodeTask toCodeTask() {
        return new CodeTask(sourceId, prompt, setupCode, tests);
    }
}
