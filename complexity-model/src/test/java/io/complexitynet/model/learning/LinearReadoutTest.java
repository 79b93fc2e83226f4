package io.complexitynet.model.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.TrainingParameters;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
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

    /** A head with the default parameters, trained on {@code rows} random vectors each labelled by {@code labelOf}. */
    private static Model<Label> trainedHead(Random random, String description, int rows, Function<float[], String> labelOf) {
        MutableDataset<Label> dataset = EmbeddingExamples.dataset(description);
        for (int i = 0; i < rows; i++) {
            float[] x = vector(random);
            dataset.add(EmbeddingExamples.example(x, labelOf.apply(x), 1.0));
        }
        return HeadTrainers.forParameters(TrainingParameters.defaults()).train(dataset);
    }

    @Test
    void aLogisticHeadReadFromItsWeightsGivesTribuosOwnProbabilities() {
        Random random = new Random(7);
        Model<Label> model = trainedHead(random, "three classes", 300, x -> x[0] + x[3] > 0.5 ? "5" : x[1] > 0 ? "3" : "1");
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
        Model<Label> model = trainedHead(new Random(3), "two classes", 50, x -> x[0] > 0 ? "pass" : "fail");
        LinearReadout readout = LinearReadout.of(model).orElseThrow();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> readout.probabilities(new float[DIMENSION - 1]));
        assertTrue(refused.getMessage().contains("23 dimensions"), refused.getMessage());
    }
}
