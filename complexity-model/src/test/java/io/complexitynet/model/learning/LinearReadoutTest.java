package io.complexitynet.model.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.TrainingParameters;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class LinearReadoutTest {

    private static final int DIMENSION = 24;

    private static float[] vector(Random random) {
        float[] vector = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return vector;
    }

    @Test
    void aLogisticHeadReadFromItsWeightsGivesTribuosOwnProbabilities() {
        Random random = new Random(7);
        MutableDataset<Label> rows = EmbeddingExamples.dataset("three classes");
        for (int i = 0; i < 300; i++) {
            float[] x = vector(random);
            String label = x[0] + x[3] > 0.5 ? "5" : x[1] > 0 ? "3" : "1";
            rows.add(EmbeddingExamples.example(x, label, 1.0));
        }
        Model<Label> model = HeadTrainers.forParameters(TrainingParameters.defaults()).train(rows);
        LinearReadout readout = LinearReadout.of(model).orElseThrow();

        for (int i = 0; i < 200; i++) {
            float[] x = vector(random);
            Map<String, Double> direct = readout.probabilities(x);
            model.predict(EmbeddingExamples.unlabelled(x)).getOutputScores().forEach((label, score) ->
                    assertEquals(score.getScore(), direct.get(label), 1e-9, "label " + label));
            assertEquals(1.0, direct.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        }
    }

    @Test
    void anEmbeddingShorterThanTheHeadsIsRefused() {
        Random random = new Random(3);
        MutableDataset<Label> rows = EmbeddingExamples.dataset("two classes");
        for (int i = 0; i < 50; i++) {
            float[] x = vector(random);
            rows.add(EmbeddingExamples.example(x, x[0] > 0 ? "pass" : "fail", 1.0));
        }
        LinearReadout readout = LinearReadout.of(HeadTrainers.forParameters(TrainingParameters.defaults()).train(rows)).orElseThrow();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> readout.probabilities(new float[DIMENSION - 1]));
        assertTrue(refused.getMessage().contains("23 dimensions"), refused.getMessage());
    }
}
