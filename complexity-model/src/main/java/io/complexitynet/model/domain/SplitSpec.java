package io.complexitynet.model.domain;

import io.complexitynet.core.task.Partition;
import io.complexitynet.core.task.SplitFractions;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A split as a training request names it: {@code mbpp} (MBPP's own task-id ranges),
 * {@code fractions:<train>/<validation>/<test>} (three fractions summing to 1, e.g. {@code fractions:0.7/0.15/0.15}): a
 * stratified split by label, stable for the same labels and seed, or {@code explicit} with the request's lists of task
 * ids per part. Checked when the request arrives, made once the labels are read.
 */
public record SplitSpec(String name, Optional<SplitFractions> fractions, Optional<SplitParts> parts) {

    public static final String FORMS = "mbpp, fractions:<train>/<validation>/<test> summing to 1 (e.g. fractions:0.7/0.15/0.15),"
            + " or explicit with the task ids of each part";
    private static final String EXPLICIT = "explicit";

    /** @throws IllegalArgumentException saying which splits there are */
    public static SplitSpec parse(String spec) {
        return parse(spec, Optional.empty());
    }

    /**
     * @param parts the task ids of each part, read only with {@code explicit}
     * @throws IllegalArgumentException saying which splits there are, or what is wrong with the parts
     */
    public static SplitSpec parse(String spec, Optional<SplitParts> parts) {
        if (EXPLICIT.equals(spec)) {
            return new SplitSpec(spec, Optional.empty(), Optional.of(checked(parts.orElseThrow(() -> new IllegalArgumentException(
                    "split 'explicit' needs the task ids of train, validation and test")))));
        }
        if (parts.isPresent()) {
            throw new IllegalArgumentException("task ids per part are read only with split 'explicit', not '" + spec + "'");
        }
        if ("mbpp".equals(spec)) {
            return new SplitSpec(spec, Optional.empty(), Optional.empty());
        }
        SplitFractions fractions = SplitFractions.parse(spec, FORMS);
        return new SplitSpec(fractions.name(), Optional.of(fractions), Optional.empty());
    }

    private static SplitParts checked(SplitParts parts) {
        Map<String, String> partOf = new HashMap<>();
        Map<String, List<String>> named = Map.of("train", parts.train(), "validation", parts.validation(), "test", parts.test());
        for (String part : List.of("train", "validation", "test")) {
            if (named.get(part).isEmpty()) {
                throw new IllegalArgumentException("split 'explicit': " + part + " lists no task");
            }
            for (String id : named.get(part)) {
                String earlier = partOf.putIfAbsent(id, part);
                if (earlier != null) {
                    throw new IllegalArgumentException("split 'explicit': task " + id + " is listed in " + earlier
                            + (earlier.equals(part) ? " twice" : " and in " + part));
                }
            }
        }
        return parts;
    }

    /** The split over these labelled tasks; the seed orders a fractions split's tasks. */
    public DataSplit split(List<LabelledTask> tasks, long seed) {
        if (parts.isPresent()) {
            Map<String, Partition> partitions = new HashMap<>();
            parts.get().train().forEach(id -> partitions.put(id, Partition.TRAIN));
            parts.get().validation().forEach(id -> partitions.put(id, Partition.VALIDATION));
            parts.get().test().forEach(id -> partitions.put(id, Partition.TEST));
            return DataSplit.explicit(name, partitions);
        }
        return fractions.map(shares -> DataSplit.explicit(shares.name() + " seed " + seed, shares.cut(tasks, LabelledTask::sourceId,
                LabelledTask::label, seed))).orElseGet(DataSplit::mbpp);
    }

    /**
     * Why this split cannot train a model on these labelled tasks, said before a job is queued: a part (train,
     * validation, test) would hold no solved task. Names how many labelled tasks each class has and, for fractions,
     * how many a class needs to reach every part. Empty when every part gets one.
     */
    public Optional<String> shortfall(List<LabelledTask> tasks, long seed) {
        List<String> empty = partsWithoutSolvedTasks(split(tasks, seed), tasks);
        if (empty.isEmpty()) {
            return Optional.empty();
        }
        String needs = fractions.map(shares -> "; with these fractions a class needs at least " + shares.tasksToReachEveryPart()
                + " labelled tasks to reach every part").orElse(parts.isPresent() ? "; list solved tasks in every part"
                : "; MBPP's split needs solved tasks among ids 601-974, 511-600 and 11-510");
        return Optional.of("split '" + name + "' leaves no solved task in " + String.join(", ", empty) + ": labelled tasks per class "
                + labelledPerClass(tasks) + needs);
    }

    /** The parts (train, validation, test, in that order) in which {@code split} puts none of the solved tasks. */
    static List<String> partsWithoutSolvedTasks(DataSplit split, List<LabelledTask> tasks) {
        Map<Partition, Long> solved = tasks.stream().filter(LabelledTask::solved)
                .collect(Collectors.groupingBy(task -> split.partitionOf(task.sourceId()), () -> new EnumMap<>(Partition.class),
                        Collectors.counting()));
        return Stream.of(Partition.TRAIN, Partition.VALIDATION, Partition.TEST).filter(part -> !solved.containsKey(part))
                .map(part -> part.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** How many labelled tasks each class has, complexities ascending, then {@code unsolved}. */
    static Map<String, Long> labelledPerClass(List<LabelledTask> tasks) {
        return tasks.stream().collect(Collectors.groupingBy(
                task -> task.solved() ? Integer.toString(task.complexity()) : "unsolved", TreeMap::new, Collectors.counting()));
    }
}
