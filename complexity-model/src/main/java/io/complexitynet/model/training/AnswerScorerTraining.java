package io.complexitynet.model.training;

import io.complexitynet.model.learning.AnswerEvidence;
import io.complexitynet.model.learning.AnswerScorer;
import java.util.List;

/**
 * Fits the no-tests cascade's {@link AnswerScorer}: L2-regularised logistic regression over
 * {@link AnswerScorer#features}, the bias unpenalised, by Newton's method. Our own fit rather than Tribuo's, whose linear
 * SGD heads cannot apply an L2 penalty (see {@code TrainingParameters#l2}); with about a dozen features, Newton's
 * method converges in a few exact steps and, with no shuffling, the same rows always give the same weights.
 */
public final class AnswerScorerTraining {

    /** The penalty on the weights' squared norm (half of it times this), against a log loss summed over the rows. */
    public static final double DEFAULT_L2 = 1.0;
    /** The threshold a freshly fitted scorer has, until the cascade's calibration picks one. */
    static final double UNCALIBRATED_THRESHOLD = 0.5;
    private static final int MAX_STEPS = 100;
    private static final double CONVERGED = 1e-9;

    private AnswerScorerTraining() {
    }

    /**
     * The scorer that best predicts {@code passed} from {@code evidence}, row for row, at threshold 0.5.
     *
     * @throws IllegalArgumentException when the rows hold only passes or only failures: nothing separates them
     */
    public static AnswerScorer fit(List<AnswerEvidence> evidence, boolean[] passed, int ladderSize, double l2) {
        if (evidence.size() != passed.length) {
            throw new IllegalArgumentException(evidence.size() + " answers but " + passed.length + " outcomes");
        }
        int passes = 0;
        for (boolean pass : passed) {
            passes += pass ? 1 : 0;
        }
        if (passes == 0 || passes == passed.length) {
            throw new IllegalArgumentException("the " + passed.length + " answers " + (passes == 0 ? "all failed" : "all passed")
                    + ": nothing to tell apart");
        }
        if (!(l2 > 0)) {
            throw new IllegalArgumentException("the L2 penalty must be positive, was " + l2);
        }
        double[][] x = evidence.stream().map(row -> AnswerScorer.features(row, ladderSize)).toArray(double[][]::new);
        int d = x[0].length;
        double[] w = new double[d];
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(dot(w, x[i]));
                double residual = p - (passed[i] ? 1 : 0);
                double curvature = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a < d; a++) {
                    gradient[a] += residual * x[i][a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += curvature * x[i][a] * x[i][b];
                    }
                }
            }
            // Index 0 is the bias, which is not penalised; the tiny ridge only keeps the system solvable.
            for (int a = 0; a < d; a++) {
                gradient[a] += a == 0 ? 0 : l2 * w[a];
                hessian[a][a] += a == 0 ? 1e-9 : l2;
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
            }
            double[] delta = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= delta[a];
                largest = Math.max(largest, Math.abs(delta[a]));
            }
            if (largest < CONVERGED) {
                break;
            }
        }
        return new AnswerScorer(ladderSize, w, UNCALIBRATED_THRESHOLD);
    }

    private static double dot(double[] w, double[] x) {
        double z = 0;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting; {@code a} is positive definite here. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}
