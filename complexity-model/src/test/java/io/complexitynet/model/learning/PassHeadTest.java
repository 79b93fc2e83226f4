package io.complexitynet.model.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.CharacterTrigramEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassHeadTest {

    private final CharacterTrigramEncoder encoder = new CharacterTrigramEncoder();

    @Test
    void learnsWhichPromptsPass() {
        List<String> prompts = List.of("add two numbers", "sum the list", "add one to each", "sum of squares",
                "optimal schedule of jobs", "optimal weighted matching", "optimal path in a grid", "optimal knapsack");
        double[] passed = {1, 1, 1, 1, 0, 0, 0, 0};
        PassHead head = PassHead.fit(encoder.encodeAll(prompts), passed, TrainingParameters.defaults());
        assertFalse(head.isConstant());
        assertTrue(head.probability(encoder.encode("add the numbers")) > head.probability(encoder.encode("optimal schedule")));
    }

    @Test
    void isConstantWhenEveryTrainingTaskPassed() {
        PassHead head = PassHead.fit(encoder.encodeAll(List.of("a", "b", "c")), new double[] {1, 1, 1},
                TrainingParameters.defaults());
        assertTrue(head.isConstant());
        assertEquals(3.5 / 4, head.probability(encoder.encode("anything")), 1e-12);
    }

    @Test
    void aConstantHeadIgnoresCalibration() {
        PassHead head = PassHead.fit(encoder.encodeAll(List.of("a", "b")), new double[] {0, 0}, TrainingParameters.defaults());
        assertEquals(head.probability(encoder.encode("x")), head.calibrated(new PlattScaling(3, 2)).probability(encoder.encode("x")));
    }
}
