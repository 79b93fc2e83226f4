package io.complexitynet.core.routing;

import static io.complexitynet.core.routing.Tasks.predicted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdPolicyTest {

    private final ThresholdPolicy policy = new ThresholdPolicy(0.7, 3);

    @ParameterizedTest(name = "{0}: predicted pass {1} -> model {2}")
    @CsvSource(delimiter = '|', textBlock = """
            the cheapest model that clears the threshold is chosen     | 0.3 0.8 0.9  | 1
            the cheapest model that clears the threshold is chosen     | 0.75 0.8 0.9 | 0
            reaching the threshold exactly clears it                   | 0.7 0.9 0.95 | 0
            when no model clears it the most likely to pass is chosen  | 0.2 0.6 0.4  | 1
            a tie for most likely goes to the cheaper model            | 0.5 0.6 0.6  | 1
            a tie for most likely goes to the cheaper model            | 0 0 0        | 0
            """)
    void choosesTheCheapestModelClearingTheThresholdElseTheMostLikely(String behaviour, String passes, int model) {
        double[] predicted = Arrays.stream(passes.split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(model, policy.choose(predicted(predicted)));
    }

    @Test
    void thresholdZeroAlwaysSendsToTheCheapest() {
        assertEquals(0, new ThresholdPolicy(0, 3).choose(predicted(0, 1, 1)));
    }

    @Test
    void aPredictionForAnotherLadderIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> policy.choose(predicted(0.5, 0.9)));
        assertTrue(refused.getMessage().contains("3 ladder models, the prediction has 2"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> policy.choose(Prediction.ofComplexity(3)));
    }

    @Test
    void theThresholdIsAProbabilityAndTheLadderIsNotEmpty() {
        assertThrows(IllegalArgumentException.class, () -> new ThresholdPolicy(1.01, 3));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdPolicy(Double.NaN, 3));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdPolicy(0.5, 0));
    }

    @Test
    void theExplanationSaysWhetherTheThresholdWasCleared() {
        assertEquals("model 1 is the cheapest with predicted pass >= 0.700 (0.800)",
                policy.explain(predicted(0.3, 0.8, 0.9)));
        assertEquals("no model reaches predicted pass 0.700; model 1 is the most likely to pass (0.600)",
                policy.explain(predicted(0.2, 0.6, 0.4)));
        assertTrue(policy.describe().startsWith("threshold 0.700"), policy.describe());
    }
}
