package io.complexitynet.reproduce.domain;

import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.core.task.MbppPartitions;
import io.complexitynet.core.task.Partition;
import io.complexitynet.core.task.SplitFractions;
import io.complexitynet.core.task.TaskFormat;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How an evaluation splits its data set into train, validation and test: MBPP's own task-id ranges, fractions
 * stratified by label, or each task's part listed by the operator. The trainer does not report which tasks a fractions
 * split put in test, so a fractions split is cut here, by core's {@link SplitFractions} as the trainer cuts it, and sent
 * to the trainer as an explicit one, as a listed split is: the tasks routed are then exactly those the model never saw.
 *
 * @param listed each task's part for a listed split (a task it does not name is excluded); empty otherwise
 */
public record EvaluationSplit(String name, Optional<SplitFractions> fractions, Map<String, Partition> listed) {

    public static final String MBPP = "mbpp";
    public static final String LISTED = "explicit:";
    private static final String FORMS = "mbpp, fractions:<train>/<validation>/<test> summing to 1 (e.g. fractions:0.7/0.15/0.15)"
            + " or explicit:<file of task id and part lines>";

    public EvaluationSplit {
        listed = Map.copyOf(listed);
    }

    /** A split that lists each task's part; it must put some task in train and some in test. */
    public static EvaluationSplit listed(String name, Map<String, Partition> parts) {
        Map<Partition, Integer> sizes = sizes(parts);
        if (!sizes.containsKey(Partition.TRAIN) || !sizes.containsKey(Partition.TEST)) {
            throw new IllegalArgumentException(name + " puts no task in " + (sizes.containsKey(Partition.TRAIN) ? "test" : "train"));
        }
        return new EvaluationSplit(name, Optional.empty(), parts);
    }

    /** A task's part as a listed split's line names it: train, validation or test. */
    public static Partition partNamed(String part) {
        return switch (part.toLowerCase(Locale.ROOT)) {
            case "train" -> Partition.TRAIN;
            case "validation" -> Partition.VALIDATION;
            case "test" -> Partition.TEST;
            default -> throw new IllegalArgumentException("'" + part + "' is not a part; expected train, validation or test");
        };
    }

    /** MBPP's own split for MBPP, else 70 / 15 / 15 by label. */
    public static EvaluationSplit defaultFor(TaskFormat format) {
        return parse(format == TaskFormat.MBPP ? MBPP : "fractions:0.7/0.15/0.15");
    }

    /** @throws IllegalArgumentException saying which splits there are */
    public static EvaluationSplit parse(String spec) {
        if (MBPP.equals(spec)) {
            return new EvaluationSplit(spec, Optional.empty(), Map.of());
        }
        SplitFractions fractions = SplitFractions.parse(spec, FORMS);
        return new EvaluationSplit(fractions.name(), Optional.of(fractions), Map.of());
    }

    /** The split the trainer is asked for: its own "mbpp", or "explicit" with the parts made or listed here. */
    public String trainerSplit() {
        return isMbpp() ? MBPP : "explicit";
    }

    /**
     * Each labelled task's part. MBPP's split needs MBPP's integer task ids; fractions cut each label's tasks (the
     * unsolved ones too) in the order of a hash of the seed and their id.
     */
    public TaskPartitions partition(List<DatasetTask> tasks, Collection<TaskOutcome> labels, long seed) {
        if (fractions.isPresent()) {
            return new TaskPartitions(fractions.get().cut(labels, TaskOutcome::taskId, TaskOutcome::complexity, seed));
        }
        if (!listed.isEmpty()) {
            return new TaskPartitions(listed);
        }
        return TaskPartitions.of(tasks.stream().map(DatasetTask::sourceId).toList(), id -> {
            try {
                return MbppPartitions.of(Integer.parseInt(id));
            } catch (NumberFormatException e) {
                throw new ReproductionFailed("split mbpp needs MBPP's integer task ids, and task '" + id
                        + "' has none; pass --split fractions:0.7/0.15/0.15");
            }
        });
    }

    /** How reports name it: the split and, for fractions, where the parts were made. */
    public String describe(long seed) {
        if (fractions.isPresent()) {
            return name + " by label, seed " + seed + " (parts made here, sent as explicit)";
        }
        if (!listed.isEmpty()) {
            Map<Partition, Integer> sizes = sizes(listed);
            return String.format(Locale.ROOT, "%s (train %d, validation %d, test %d tasks, sent as explicit)", name,
                    sizes.getOrDefault(Partition.TRAIN, 0), sizes.getOrDefault(Partition.VALIDATION, 0),
                    sizes.getOrDefault(Partition.TEST, 0));
        }
        return "mbpp (train 601-974, validation 511-600, test 11-510)";
    }

    private static Map<Partition, Integer> sizes(Map<String, Partition> parts) {
        Map<Partition, Integer> sizes = new EnumMap<>(Partition.class);
        parts.values().forEach(part -> sizes.merge(part, 1, Integer::sum));
        return sizes;
    }

    public boolean isMbpp() {
        return fractions.isEmpty() && listed.isEmpty();
    }
}
