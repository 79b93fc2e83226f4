package io.complexitynet.model.domain;

/** MBPP's published split by task id (Austin et al. 2021). */
final class MbppSplit implements DataSplit {

    static final MbppSplit INSTANCE = new MbppSplit();

    private MbppSplit() {
    }

    @Override
    public String name() {
        return "mbpp";
    }

    @Override
    public Partition partitionOf(String sourceId) {
        int taskId;
        try {
            taskId = Integer.parseInt(sourceId);
        } catch (NumberFormatException e) {
            return Partition.EXCLUDED;
        }
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
