package io.complexitynet.core.routing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * RouteLLM's view of a router over a weak/strong pair: routing the share x of requests with the highest
 * "needs the strong model" score to the strong model gives a performance perf(x), and the performance gap
 * recovered is PGR(x) = (perf(x) - perf(0)) / (perf(1) - perf(0)), where perf(0) is the weak model alone
 * and perf(1) the strong one.
 *
 * <p>The curve is known exactly at every task boundary x = k/n. Tasks with equal scores are ordered at
 * random by such a router, so across a tie the curve is the expectation: a straight line between the tie's
 * boundaries. Between boundaries it is linear too (routing a fraction of one task's requests), which makes
 * the trapezoid rule over the boundaries exact for APGR.
 */
public final class PerformanceGapCurve {

    private final double[] callFractions;
    private final double[] recovered;
    private final double weakPerformance;
    private final double strongPerformance;

    private PerformanceGapCurve(double[] callFractions, double[] recovered, double weakPerformance,
            double strongPerformance) {
        this.callFractions = callFractions;
        this.recovered = recovered;
        this.weakPerformance = weakPerformance;
        this.strongPerformance = strongPerformance;
    }

    /**
     * @param needsStrong per task, the router's score for sending it to the strong model (higher: sooner)
     * @param weakRates per task, the weak model's actual pass rate
     * @param strongRates per task, the strong model's actual pass rate
     */
    public static PerformanceGapCurve of(double[] needsStrong, double[] weakRates, double[] strongRates) {
        int tasks = needsStrong.length;
        if (tasks == 0 || weakRates.length != tasks || strongRates.length != tasks) {
            throw new IllegalArgumentException("need one score, weak rate and strong rate per task, got "
                    + tasks + ", " + weakRates.length + " and " + strongRates.length);
        }
        for (double score : needsStrong) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("router scores must be finite numbers, got " + score);
            }
        }
        Integer[] order = IntStream.range(0, tasks).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer task) -> -needsStrong[task]));

        double[] fractions = new double[tasks + 1];
        double[] gains = new double[tasks + 1];
        int boundaries = 1;
        double gain = 0;
        for (int position = 0; position < tasks; position++) {
            int task = order[position];
            gain += strongRates[task] - weakRates[task];
            boolean tieContinues = position + 1 < tasks && needsStrong[order[position + 1]] == needsStrong[task];
            if (!tieContinues) {
                fractions[boundaries] = (double) (position + 1) / tasks;
                gains[boundaries] = gain;
                boundaries++;
            }
        }
        double totalGain = gains[boundaries - 1];
        if (!(totalGain > 1e-12)) {
            throw new IllegalArgumentException("the strong model must outperform the weak one for a gap to recover: "
                    + "mean pass " + mean(strongRates) + " against " + mean(weakRates));
        }
        double[] recovered = new double[boundaries];
        for (int boundary = 0; boundary < boundaries; boundary++) {
            recovered[boundary] = gains[boundary] / totalGain;
        }
        return new PerformanceGapCurve(Arrays.copyOf(fractions, boundaries), recovered, mean(weakRates),
                mean(strongRates));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** The weak model's performance alone, perf(0). */
    public double weakPerformance() {
        return weakPerformance;
    }

    /** The strong model's performance alone, perf(1). */
    public double strongPerformance() {
        return strongPerformance;
    }

    /** PGR at a share of strong-model calls in [0, 1]. */
    public double pgrAt(double callFraction) {
        requireFraction(callFraction, "call fraction");
        int segment = 1;
        while (segment < callFractions.length - 1 && callFractions[segment] < callFraction) {
            segment++;
        }
        double x0 = callFractions[segment - 1];
        double x1 = callFractions[segment];
        return recovered[segment - 1] + (callFraction - x0) / (x1 - x0) * (recovered[segment] - recovered[segment - 1]);
    }

    /** APGR: the area under PGR over call fractions 0..1; about 0.5 for a random router. */
    public double apgr() {
        double area = 0;
        for (int i = 1; i < callFractions.length; i++) {
            area += (callFractions[i] - callFractions[i - 1]) * (recovered[i] + recovered[i - 1]) / 2;
        }
        return area;
    }

    /**
     * CPT(p): the smallest share of strong-model calls at which PGR reaches {@code recoveredFraction}
     * (e.g. 0.5 for CPT(50%)). It always exists for p in [0, 1] since PGR(1) = 1.
     */
    public double callPerformanceThreshold(double recoveredFraction) {
        requireFraction(recoveredFraction, "recovered fraction");
        if (recovered[0] >= recoveredFraction) {
            return 0;
        }
        for (int i = 1; i < callFractions.length; i++) {
            if (recovered[i] >= recoveredFraction) {
                double rise = (recoveredFraction - recovered[i - 1]) / (recovered[i] - recovered[i - 1]);
                return callFractions[i - 1] + rise * (callFractions[i] - callFractions[i - 1]);
            }
        }
        return 1;
    }

    private static void requireFraction(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("the " + what + " must be in [0, 1], was " + value);
        }
    }
}
