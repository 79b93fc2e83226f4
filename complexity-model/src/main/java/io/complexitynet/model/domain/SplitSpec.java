package io.complexitynet.model.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

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

    static String fractionsName(BigDecimal train, BigDecimal validation) {
        BigDecimal test = BigDecimal.ONE.subtract(train).subtract(validation);
        return FRACTIONS + plain(train) + "/" + plain(validation) + "/" + plain(test);
    }

    private static String plain(BigDecimal fraction) {
        return fraction.stripTrailingZeros().toPlainString();
    }
}
