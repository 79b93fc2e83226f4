package io.complexitynet.model.domain;

import io.complexitynet.core.task.Partition;
import java.util.Map;

/** A split given as a list of tasks and their partitions, such as the paper's 150-task set. */
record ExplicitSplit(String name, Map<String, Partition> partitions) implements DataSplit {

    ExplicitSplit {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a split needs a name");
        }
        partitions = Map.copyOf(partitions);
    }

    @Override
    public Partition partitionOf(String sourceId) {
        return partitions.getOrDefault(sourceId, Partition.EXCLUDED);
    }
}
