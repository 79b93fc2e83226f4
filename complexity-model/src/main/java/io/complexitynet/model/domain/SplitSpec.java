package io.complexitynet.model.domain;

import io.complexitynet.core.task.Partition;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A split as a training request names it: {@code mbpp} (MBPP's own task-id ranges), or
 * {@code fractions:<train>/<validation>/<test>} (three fractions summing to 1, e.g. {@code fractions:0.7/0.15/0.15}): a
 * stratified split by label, stable for the same labels and seed. Checked when the request arrives, made once the
 * labels are read.
 */
public record SplitSpec(String name, Optional<List<BigDecimal>> fractions) {

    public static final String FORMS = "mbpp, or fractions:<train>/<validation>/<test> summing to 1 (e.g. fractions:0.7/0.15/0.15)";
    private static final String FRACTIONS = "fractions:";

    /** @throws IllegalArgumentException saying which splits there are */
    public static SplitSpec parse(String spec) {
        if ("mbpp".equals(spec)) {
            return new SplitSpec(spec, Optional.empty());
        }
        if (!spec.startsWith(FRACTIONS)) {
            throw new IllegalArgumentException("unknown split '" + spec + "'; use " + FORMS);
        }
        String[] parts = spec.substring(FRACTIONS.length()).split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("split '" + spec + "': needs three fractions; use " + FORMS);
        }
        BigDecimal[] fractions = new BigDecimal[3];
        for (int i = 0; i < 3; i++) {
            try {
                fractions[i] = new BigDecimal(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("split '" + spec + "': '" + parts[i] + "' is not a number; use " + FORMS);
            }
            if (fractions[i].signum() <= 0) {
                throw new IllegalArgumentException("split '" + spec + "': every part needs a share above 0; use " + FORMS);
            }
        }
        if (fractions[0].add(fractions[1]).add(fractions[2]).compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("split '" + spec + "': the fractions sum to "
                    + fractions[0].add(fractions[1]).add(fractions[2]).toPlainString() + ", not 1");
        }
        return new SplitSpec(fractionsName(fractions[0], fractions[1]), Optional.of(List.of(fractions)));
    }

    /** The split over these labelled tasks; the seed orders a fractions split's tasks. */
    public DataSplit split(List<LabelledTask> tasks, long seed) {
        return fractions.map(shares -> StratifiedSplit.of(tasks, shares.get(0), shares.get(1), seed)).orElseGet(DataSplit::mbpp);
    }

    /**
     * Why this split cannot train a model on these labelled tasks, said before a job is queued: a part (train,
     * validation, test) would hold no solved task. Names how many labelled tasks each class has and, for fractions,
     * how many a class needs to reach every part. Empty when every part gets one.
     */
    public Optional<String> shortfall(List<LabelledTask> tasks, long seed) {
        DataSplit split = split(tasks, seed);
        Map<Partition, Long> solved = tasks.stream().filter(LabelledTask::solved)
                .collect(Collectors.groupingBy(task -> split.partitionOf(task.sourceId()), () -> new EnumMap<>(Partition.class),
                        Collectors.counting()));
        List<String> empty = Stream.of(Partition.TRAIN, Partition.VALIDATION, Partition.TEST).filter(part -> !solved.containsKey(part))
                .map(part -> part.name().toLowerCase(Locale.ROOT)).toList();
        if (empty.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> perClass = tasks.stream().collect(Collectors.groupingBy(
                task -> task.solved() ? Integer.toString(task.complexity()) : "unsolved", TreeMap::new, Collectors.counting()));
        String needs = fractions.map(shares -> "; with these fractions a class needs at least " + tasksToReachEveryPart(shares)
                + " labelled tasks to reach every part").orElse("; MBPP's split needs solved tasks among ids 601-974, 511-600 and 11-510");
        return Optional.of("split '" + name + "' leaves no solved task in " + String.join(", ", empty) + ": labelled tasks per class "
                + perClass + needs);
    }

    private static int tasksToReachEveryPart(List<BigDecimal> shares) {
        for (int n = 1; ; n++) {
            long train = Math.round(n * shares.get(0).doubleValue());
            long validation = Math.round(n * shares.get(0).add(shares.get(1)).doubleValue()) - train;
            if (train > 0 && validation > 0 && n - train - validation > 0) {
                return n;
            }
        }
    }

    static String fractionsName(BigDecimal train, BigDecimal validation) {
        BigDecimal test = BigDecimal.ONE.subtract(train).subtract(validation);
        return FRACTIONS + plain(train) + "/" + plain(validation) + "/" + plain(test);
    }

    private static String plain(BigDecimal fraction) {
        return fraction.stripTrailingZeros().toPlainString();
    }
}
