package io.complexitynet.reproduce.workflow;

/** MBPP's split by task id, as the trainer's split {@code mbpp} applies it (Austin et al. 2021). */
final class MbppSplit {

    private MbppSplit() {
    }

    static boolean test(int taskId) {
        return taskId >= 11 && taskId <= 510;
    }

    static boolean train(int taskId) {
        return taskId >= 601 && taskId <= 974;
    }
}
