package io.complexitynet.model.domain;

import io.complexitynet.core.task.Partition;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A split by fractions for a data set that has none of its own: within each label (each complexity, and "no model
 * solved it"), tasks are ordered by a hash of the seed and their id and cut into train, validation and test by the
 * fractions. Stable: the same tasks with the same labels and seed land in the same partitions on every retrain,
 * whatever order they come in; a task added later moves none of the others out of their class's order.
 */
final class StratifiedSplit {

    private StratifiedSplit() {
    }

    static DataSplit of(List<LabelledTask> tasks, BigDecimal train, BigDecimal validation, long seed) {
        Map<String, Partition> partitions = new HashMap<>();
        for (List<LabelledTask> label : byLabelInSeededOrder(tasks, seed)) {
            long toTrain = Math.round(label.size() * train.doubleValue());
            long toValidation = Math.round(label.size() * train.add(validation).doubleValue()) - toTrain;
            for (int i = 0; i < label.size(); i++) {
                Partition partition = i < toTrain ? Partition.TRAIN : i < toTrain + toValidation ? Partition.VALIDATION : Partition.TEST;
                partitions.put(label.get(i).sourceId(), partition);
            }
        }
        return DataSplit.explicit(SplitSpec.fractionsName(train, validation) + " seed " + seed, partitions);
    }

    /**
     * The tasks of each label (complexities ascending, unsolved last), each ordered by a hash of the seed and the task's
     * id: the order every seeded split cuts, whatever order the tasks come in.
     */
    static List<List<LabelledTask>> byLabelInSeededOrder(List<LabelledTask> tasks, long seed) {
        Map<Optional<Integer>, List<LabelledTask>> byLabel = new TreeMap<>(Comparator.comparing(label -> label.orElse(Integer.MAX_VALUE)));
        tasks.forEach(task -> byLabel.computeIfAbsent(Optional.ofNullable(task.complexity()), label -> new ArrayList<>()).add(task));
        Map<String, String> order = new HashMap<>();
        tasks.forEach(task -> order.put(task.sourceId(), order(seed, task.sourceId())));
        List<List<LabelledTask>> ordered = new ArrayList<>();
        for (List<LabelledTask> label : byLabel.values()) {
            label.sort(Comparator.comparing((LabelledTask task) -> order.get(task.sourceId())).thenComparing(LabelledTask::sourceId));
            ordered.add(label);
        }
        return ordered;
    }

    private static String order(long seed, String sourceId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((seed + "\u0000" + sourceId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
