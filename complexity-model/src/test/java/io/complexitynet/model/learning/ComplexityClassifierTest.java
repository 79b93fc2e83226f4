package io.complexitynet.model.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.TrainingParameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplexityClassifierTest {

    private static final int MAJORITY_ROWS = 90;
    private static final int MINORITY_ROWS = 10;

    @Test
    void balancedClassesPredictTheRareClassMoreOften() {
        List<float[]> features = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        // Overlapping classes, nine rows of class 1 to every one of class 3: counted as they come, class 3 loses the overlap.
        for (int i = 0; i < MAJORITY_ROWS; i++) {
            features.add(new float[] {1, 0.6f * i / MAJORITY_ROWS});
            classes.add(1);
        }
        for (int i = 0; i < MINORITY_ROWS; i++) {
            features.add(new float[] {1, 0.4f + 0.6f * i / MINORITY_ROWS});
            classes.add(3);
        }
        TrainingParameters counted = TrainingParameters.defaults();
        int byCount = rarePredictions(ComplexityClassifier.fit(features, classes, counted));
        int balanced = rarePredictions(ComplexityClassifier.fit(features, classes, counted.withBalancedClasses(true)));
        assertTrue(balanced > byCount, "balanced " + balanced + " rare predictions, counted " + byCount);
    }

    private static int rarePredictions(ComplexityClassifier classifier) {
        int rare = 0;
        for (int step = 0; step <= 100; step++) {
            rare += classifier.predict(new float[] {1, step / 100f}) == 3 ? 1 : 0;
        }
        return rare;
    }
}
