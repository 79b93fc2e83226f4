package io.complexitynet.model.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlattScalingTest {

    @Test
    void recoversTheSlopeAndInterceptThatMadeTheOutcomes() {
        // Outcomes drawn with P(pass) = sigmoid(2 * logit(raw) - 1): an overconfident head shifted up.
        SplittableRandom random = new SplittableRandom(7);
        int rows = 4000;
        double[] raw = new double[rows];
        double[] outcomes = new double[rows];
        for (int i = 0; i < rows; i++) {
            raw[i] = 0.05 + 0.9 * random.nextDouble();
            double logit = Math.log(raw[i] / (1 - raw[i]));
            outcomes[i] = random.nextDouble() < 1 / (1 + Math.exp(-(2 * logit - 1))) ? 1 : 0;
        }
        PlattScaling scaling = PlattScaling.fit(raw, outcomes, 1);
        assertEquals(2, scaling.slope(), 0.3);
        assertEquals(-1, scaling.intercept(), 0.3);
    }

    @Test
    void keepsTheHeadsRanking() {
        PlattScaling scaling = PlattScaling.fit(new double[] {0.2, 0.4, 0.6, 0.8, 0.3, 0.7}, new double[] {0, 0, 1, 1, 1, 0}, 1);
        assertTrue(scaling.apply(0.3) < scaling.apply(0.7));
    }

    @Test
    void isTheIdentityWhenTheHeldOutRowsAllPassed() {
        assertEquals(PlattScaling.identity(), PlattScaling.fit(new double[] {0.2, 0.9}, new double[] {1, 1}, 1));
        assertEquals(0.3, PlattScaling.identity().apply(0.3), 1e-9);
    }
}
