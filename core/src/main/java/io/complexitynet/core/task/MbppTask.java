package io.complexitynet.core.task;

import java.util.List;

/** One line of MBPP's JSONL: the instruction, a reference solution, the setup code and the asserts. */
public record MbppTask(int taskId, String text, String referenceCode, String setupCode, List<String> tests) {

    public MbppTask {
        tests = List.copyOf(tests);
    }

    public CodeTask toCodeTask() {
        return new CodeTask(Integer.toString(taskId), text, setupCode, tests);
    }
}
