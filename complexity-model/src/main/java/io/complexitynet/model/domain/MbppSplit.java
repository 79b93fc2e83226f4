package io.complexitynet.model.domain;

import io.complexitynet.core.task.MbppPartitions;
import io.complexitynet.core.task.Partition;

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
        return MbppPartitions.of(taskId);
    }
}
