package io.complexitynet.core.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The router field's published metrics, so our numbers compare with other routers': RouteLLM's APGR and
 * CPT through {@link PerformanceGapCurve}, and RouterBench's AIQ over a cost/quality curve.
 */
public final class RouterQuality {

    private RouterQuality() {
    }

    /**
     * The RouteLLM curve of a prediction-based router between ladder models {@code weak} and {@code strong}:
     * a task's "needs the strong model" score is 1 minus the predicted pass probability of the weak model.
     */
    public static PerformanceGapCurve performanceGap(List<SimulatedTask> tasks, int weak, int strong) {
        if (weak == strong) {
            throw new IllegalArgumentException("the weak and the strong model must differ, both were " + weak);
        }
        return PerformanceGapCurve.of(
                tasks.stream().mapToDouble(task -> 1 - task.prediction().passProbability(weak)).toArray(),
                tasks.stream().mapToDouble(task -> task.actualPassRate(weak)).toArray(),
                tasks.stream().mapToDouble(task -> task.actualPassRate(strong)).toArray());
    }

    /**
     * RouterBench's non-decreasing convex hull: the upper hull of the points (any two operating points can
     * be mixed at random, so every point of a segment between them is reachable), followed up to its best
     * quality and flat from there to the highest cost (spending more never has to lower quality).
     * At equal cost only the best quality counts.
     */
    public static List<CostQuality> nonDecreasingConvexHull(List<CostQuality> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a cost/quality curve needs at least one point");
        }
        List<CostQuality> sorted = points.stream()
                .sorted(Comparator.comparingDouble(CostQuality::cost)
                        .thenComparing(Comparator.comparingDouble(CostQuality::quality).reversed()))
                .toList();
        List<CostQuality> hull = new ArrayList<>();
        for (CostQuality point : sorted) {
            if (!hull.isEmpty() && hull.get(hull.size() - 1).cost() == point.cost()) {
                continue;
            }
            while (hull.size() >= 2 && !turnsDown(hull.get(hull.size() - 2), hull.get(hull.size() - 1), point)) {
                hull.remove(hull.size() - 1);
            }
            hull.add(point);
        }
        int best = 0;
        for (int i = 1; i < hull.size(); i++) {
            if (hull.get(i).quality() > hull.get(best).quality()) {
                best = i;
            }
        }
        List<CostQuality> rising = new ArrayList<>(hull.subList(0, best + 1));
        double maxCost = sorted.get(sorted.size() - 1).cost();
        if (maxCost > rising.get(rising.size() - 1).cost()) {
            rising.add(new CostQuality(maxCost, hull.get(best).quality()));
        }
        return List.copyOf(rising);
    }

    /** True when {@code middle} lies strictly above the segment from {@code left} to {@code right}. */
    private static boolean turnsDown(CostQuality left, CostQuality middle, CostQuality right) {
        double cross = (middle.cost() - left.cost()) * (right.quality() - left.quality())
                - (middle.quality() - left.quality()) * (right.cost() - left.cost());
        return cross < 0;
    }

    /**
     * AIQ (average improvement in quality): the area under the non-decreasing convex hull from the lowest
     * to the highest cost, divided by that cost range, i.e. the hull's mean quality over the costs the
     * router spans. When every point has the same cost, the best quality at that cost.
     */
    public static double aiq(List<CostQuality> points) {
        List<CostQuality> hull = nonDecreasingConvexHull(points);
        if (hull.size() == 1) {
            return hull.get(0).quality();
        }
        double area = 0;
        for (int i = 1; i < hull.size(); i++) {
            CostQuality left = hull.get(i - 1);
            CostQuality right = hull.get(i);
            area += (right.cost() - left.cost()) * (left.quality() + right.quality()) / 2;
        }
        return area / (hull.get(hull.size() - 1).cost() - hull.get(0).cost());
    }
}
