package io.complexitynet.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.routing.ComplexityPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplexityScaleTest {

    @Test
    void paperRuleLabelsGiveThePapersAllocation() {
        ComplexityScale scale = ComplexityScale.fromLabels(List.of(task(1, 5, 5, 5), task(2, 2, 5, 5), task(3, 0, 4, 5),
                task(4, 0, 2, 5), task(5, 0, 0, 3)));
        assertEquals(ComplexityPolicy.paper().complexityToModel(), scale.classToModel());
    }

    @Test
    void theCheapestModelsClassIsItsLowestOne() {
        ComplexityScale scale = new ComplexityScale(Map.of(1, 0, 2, 0, 3, 1, 4, 1, 5, 2));
        assertEquals(1, scale.complexityOf(0));
        assertEquals(3, scale.complexityOf(1));
        assertEquals(5, scale.complexityOf(2));
    }

    @Test
    void aModelWithoutClassTakesTheHighestClassBelowIt() {
        ComplexityScale scale = new ComplexityScale(Map.of(1, 0, 3, 1));
        assertEquals(3, scale.complexityOf(2));
    }

    @Test
    void unsolvedTasksDoNotCount() {
        ComplexityScale scale = ComplexityScale.fromLabels(List.of(task(1, 1, 1, 1), task(null, 0, 0, 0)));
        assertEquals(Map.of(1, 0), scale.classToModel());
    }

    @Test
    void noSolvedTaskIsRefused() {
        TrainingRefused refused = assertThrows(TrainingRefused.class,
                () -> ComplexityScale.fromLabels(List.of(task(null, 0, 0, 0))));
        assertEquals("no task is solved: there is no complexity label to learn from", refused.getMessage());
    }

    private static LabelledTask task(Integer complexity, int small, int middle, int large) {
        return new LabelledTask("t" + complexity + small + middle + large, "prompt", complexity, List.of(
                new ModelPasses("small", small, 5), new ModelPasses("middle", middle, 5), new ModelPasses("large", large, 5)));
    }
}
