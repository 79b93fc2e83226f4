package io.complexitynet.model.domain;

import io.complexitynet.core.task.Partition;
import java.util.Map;

/** Assigns every task, by its source id, to training, validation, test or nothing. */
public interface DataSplit {

    /** Name stored with a model, e.g. {@code mbpp}. */
    String name();

    Partition partitionOf(String sourceId);

    /**
     * MBPP's own split by task id: 601-974 train, 511-600 validation, 11-510 test; 1-10 (the few-shot
     * prompts) and ids outside MBPP are excluded.
     */
    static DataSplit mbpp() {
        return MbppSplit.INSTANCE;
    }

    /** A split that lists its tasks; a task it does not list is excluded. */
    static DataSplit explicit(String name, Map<String, Partition> partitions) {
        return new ExplicitSplit(name, partitions);
    }
}
