package io.complexitynet.reproduce.domain;

import io.complexitynet.core.task.Partition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Which part of the split each task is in; a task the split does not name is excluded. */
public record TaskPartitions(Map<String, Partition> byTask) {

    public TaskPartitions {
        byTask = Map.copyOf(byTask);
    }

    static TaskPartitions of(List<String> taskIds, Function<String, Partition> partitionOf) {
        Map<String, Partition> byTask = new HashMap<>();
        taskIds.forEach(id -> byTask.put(id, partitionOf.apply(id)));
        return new TaskPartitions(byTask);
    }

    public Partition of(String taskId) {
        return byTask.getOrDefault(taskId, Partition.EXCLUDED);
    }

    /** The ids of {@code part}, in the order of {@code taskIds} (the data file's). */
    public List<String> in(Partition part, List<String> taskIds) {
        return taskIds.stream().filter(id -> of(id) == part).toList();
    }
}
