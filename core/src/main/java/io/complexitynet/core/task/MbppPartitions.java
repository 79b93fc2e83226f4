package io.complexitynet.core.task;

/** MBPP's published split by task id (Austin et al. 2021): 601-974 train, 511-600 validation, 11-510 test. */
public final class MbppPartitions {

    private MbppPartitions() {
    }

    /** The task's partition; 1-10 (the few-shot prompts) and ids outside MBPP are excluded. */
    public static Partition of(int taskId) {
        if (taskId >= 601 && taskId <= 974) {
            return Partition.TRAIN;
        }
        if (taskId >= 511 && taskId <= 600) {
            return Partition.VALIDATION;
        }
        if (taskId >= 11 && taskId <= 510) {
            return Partition.TEST;
        }
        return Partition.EXCLUDED;
    }
}
