package io.complexitynet.core.task;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A split by fractions, written {@code fractions:<train>/<validation>/<test>} (three fractions summing to 1), and the cut
 * it makes: within each label (each complexity, and "no model solved it") the tasks are ordered by a SHA-256 of the seed
 * and their id and cut by the fractions. Stable: the same tasks with the same labels and seed land in the same parts on
 * every retrain, whatever order they come in, and a task added later moves none of the others out of its label's order.
 * The trainer splits with it; a client that must know the parts (reproduce) makes the same cut.
 */
public record SplitFractions(BigDecimal train, BigDecimal validation, BigDecimal test) {

    public static final String PREFIX = "fractions:";

    public SplitFractions {
        for (BigDecimal share : List.of(train, validation, test)) {
            if (share.signum() <= 0) {
                throw new IllegalArgumentException("every part needs a share above 0");
            }
        }
        if (train.add(validation).add(test).compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("the fractions sum to " + train.add(validation).add(test).toPlainString() + ", not 1");
        }
    }

    /**
     * @param forms the splits the caller accepts, named in the refusal
     * @throws IllegalArgumentException saying what is wrong with {@code spec}
     */
    public static SplitFractions parse(String spec, String forms) {
        if (!spec.startsWith(PREFIX)) {
            throw new IllegalArgumentException("unknown split '" + spec + "'; use " + forms);
        }
        String[] shares = spec.substring(PREFIX.length()).split("/", -1);
        if (shares.length != 3) {
            throw new IllegalArgumentException("split '" + spec + "': needs three fractions; use " + forms);
        }
        BigDecimal[] fractions = new BigDecimal[3];
        for (int i = 0; i < 3; i++) {
            try {
                fractions[i] = new BigDecimal(shares[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("split '" + spec + "': '" + shares[i] + "' is not a number; use " + forms);
            }
            if (fractions[i].signum() <= 0) {
                throw new IllegalArgumentException("split '" + spec + "': every part needs a share above 0; use " + forms);
            }
        }
        try {
            return new SplitFractions(fractions[0], fractions[1], fractions[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("split '" + spec + "': " + e.getMessage());
        }
    }

    /** As a request writes it, without trailing zeros: {@code fractions:0.7/0.15/0.15}. */
    public String name() {
        return PREFIX + plain(train) + "/" + plain(validation) + "/" + plain(test);
    }

    /**
     * Each task's part.
     *
     * @param id a task's id, unique among {@code tasks}
     * @param complexity a task's label; empty when no model solved it
     */
    public <T> Map<String, Partition> cut(Collection<T> tasks, Function<T, String> id, Function<T, OptionalInt> complexity, long seed) {
        Map<String, Partition> partitions = new HashMap<>();
        for (List<T> label : byLabelInSeededOrder(tasks, id, complexity, seed)) {
            long toTrain = Math.round(label.size() * train.doubleValue());
            long toValidation = Math.round(label.size() * train.add(validation).doubleValue()) - toTrain;
            for (int i = 0; i < label.size(); i++) {
                partitions.put(id.apply(label.get(i)),
                        i < toTrain ? Partition.TRAIN : i < toTrain + toValidation ? Partition.VALIDATION : Partition.TEST);
            }
        }
        return partitions;
    }

    /** The fewest tasks of one label that put one in every part. */
    public int tasksToReachEveryPart() {
        for (int n = 1; ; n++) {
            long toTrain = Math.round(n * train.doubleValue());
            long toValidation = Math.round(n * train.add(validation).doubleValue()) - toTrain;
            if (toTrain > 0 && toValidation > 0 && n - toTrain - toValidation > 0) {
                return n;
            }
        }
    }

    /**
     * The tasks of each label (complexities ascending, unsolved last), each ordered by a hash of the seed and the task's
     * id: the order every seeded split cuts (fractions, cross-validation folds), whatever order the tasks come in.
     */
    public static <T> List<List<T>> byLabelInSeededOrder(Collection<T> tasks, Function<T, String> id,
                                                         Function<T, OptionalInt> complexity, long seed) {
        Map<Integer, List<T>> byLabel = new TreeMap<>();
        tasks.forEach(task -> byLabel.computeIfAbsent(complexity.apply(task).orElse(Integer.MAX_VALUE), label -> new ArrayList<>()).add(task));
        Map<String, String> order = new HashMap<>();
        tasks.forEach(task -> order.put(id.apply(task), order(seed, id.apply(task))));
        List<List<T>> ordered = new ArrayList<>();
        for (List<T> label : byLabel.values()) {
            label.sort(Comparator.comparing((T task) -> order.get(id.apply(task))).thenComparing(id));
            ordered.add(label);
        }
        return ordered;
    }

    private static String order(long seed, String taskId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((seed + "\u0000" + taskId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String plain(BigDecimal fraction) {
        return fraction.stripTrailingZeros().toPlainString();
    }
}
