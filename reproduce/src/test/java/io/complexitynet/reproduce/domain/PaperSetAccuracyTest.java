package io.complexitynet.reproduce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.routing.Prediction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperSetAccuracyTest {

    @Test
    void predictedComplexityIsScoredAsThePapersClassOfItsModel() {
        List<PaperSetTask> set = List.of(new PaperSetTask(1, 0, false), new PaperSetTask(2, 1, true), new PaperSetTask(3, 2, true),
                new PaperSetTask(4, 2, false));
        // 2 -> Code Llama (class 0), 4 -> GPT-3.5 (class 1), 3 -> GPT-3.5 (wrong for class 2), 5 -> GPT-4 (class 2).
        Map<String, Prediction> predicted = Map.of("1", Prediction.ofComplexity(2), "2", Prediction.ofComplexity(4),
                "3", Prediction.ofComplexity(3), "4", Prediction.ofComplexity(5));
        PaperSetAccuracy accuracy = PaperSetAccuracy.of(set, predicted, taskId -> false);
        assertEquals(0.75, accuracy.heldOut().accuracy(), 1e-9);
        assertEquals(0.5, accuracy.heldOutValidation().orElseThrow().accuracy(), 1e-9);
    }

    @Test
    void tasksTheModelWasTrainedOnAreLeftOut() {
        List<PaperSetTask> set = List.of(new PaperSetTask(1, 0, true), new PaperSetTask(700, 2, false));
        PaperSetAccuracy accuracy = PaperSetAccuracy.of(set, Map.of("1", Prediction.ofComplexity(1)), taskId -> Integer.parseInt(taskId) >= 601);
        assertEquals(1, accuracy.heldOut().samples());
        assertEquals(1, accuracy.trainedOn());
        assertTrue(accuracy.heldOutValidation().isPresent());
    }

    @Test
    void withEveryTaskTrainedOnNothingIsScored() {
        List<PaperSetTask> set = List.of(new PaperSetTask(700, 2, false));
        assertThrows(IllegalArgumentException.class, () -> PaperSetAccuracy.of(set, Map.of(), taskId -> true));
    }
}
