package io.complexitynet.core.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PredictionTest {

    @Test
    void probabilitiesAreCopiedOnTheWayInAndOut() {
        double[] probabilities = {0.1, 0.5, 0.9};
        Prediction prediction = Prediction.ofPassProbabilities(probabilities);
        probabilities[0] = 1;
        prediction.passProbabilities()[1] = 1;
        assertArrayEquals(new double[] {0.1, 0.5, 0.9}, prediction.passProbabilities());
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefusedNamingTheModel() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Prediction.ofPassProbabilities(0.5, 1.2));
        assertTrue(refused.getMessage().contains("model 1"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Prediction.ofPassProbabilities(Double.NaN));
    }

    @Test
    void aPredictionSaysSomething() {
        assertThrows(IllegalArgumentException.class, () -> new Prediction(OptionalInt.empty(), new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Prediction.ofComplexity(-1));
        assertEquals(0, Prediction.ofComplexity(3).models());
    }

    @Test
    void equalContentMeansEqualPredictions() {
        assertEquals(Prediction.of(3, 0.2, 0.7), Prediction.of(3, 0.2, 0.7));
        assertEquals(Prediction.of(3, 0.2, 0.7).hashCode(), Prediction.of(3, 0.2, 0.7).hashCode());
        assertEquals("Prediction[complexity=3, passProbabilities=[0.200, 0.700]]", Prediction.of(3, 0.2, 0.7).toString());
    }

    @Test
    void askingForAModelBeyondThePredictionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Prediction.ofPassProbabilities(0.5).passProbability(1));
    }
}
