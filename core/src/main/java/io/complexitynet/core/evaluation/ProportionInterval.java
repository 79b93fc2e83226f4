package io.complexitynet.core.evaluation;

/**
 * Where a proportion measured on a sample likely lies: the Wilson score interval, which stays inside
 * [0, 1] and is sound for the small test sets this project meets (the paper's 30 tasks), unlike the
 * normal approximation.
 */
public record ProportionInterval(double low, double high) {

    private static final double Z_95 = 1.959963984540054;

    public static ProportionInterval wilson95(int successes, int trials) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials > 0, got " + successes + " of " + trials);
        }
        double p = (double) successes / trials;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denominator;
        double half = Z_95 * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
        return new ProportionInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
