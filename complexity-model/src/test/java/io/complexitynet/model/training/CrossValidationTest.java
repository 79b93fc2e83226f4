package io.complexitynet.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.CrossValidationSpec;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.SyntheticTasks;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.domain.TrainingRefused;
import io.complexitynet.model.embedding.CharacterTrigramEncoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    private final Trainer trainer = new Trainer(new CharacterTrigramEncoder());
    private final List<LabelledTask> tasks = SyntheticTasks.everyStep(2);

    private CrossValidationReport crossValidate(int folds, long seed) {
        return trainer.crossValidate(tasks, SyntheticTasks.LADDER, new CrossValidationSpec(folds).splits(tasks, seed),
                TrainingParameters.defaults(), TrainingProgress.ignored());
    }

    @Test
    void everyFoldIsMeasuredOnItsHeldOutTasksAndTheMeanIsTheirAverage() {
        CrossValidationReport report = crossValidate(3, 1);
        assertEquals(List.of(1, 2, 3), report.folds().stream().map(FoldFigures::fold).toList());
        assertEquals(tasks.size(), report.folds().stream().mapToInt(FoldFigures::testTasks).sum());
        for (FoldFigures fold : report.folds()) {
            assertEquals(tasks.size(), fold.trainTasks() + fold.validationTasks() + fold.testTasks());
            assertTrue(fold.accuracy() > 0.9 && fold.majorityAccuracy() < 0.4, fold.toString());
        }
        assertEquals(report.folds().stream().mapToDouble(FoldFigures::accuracy).average().orElseThrow(), report.accuracy().mean(), 1e-12);
        assertEquals(report.folds().stream().mapToDouble(FoldFigures::passRate).average().orElseThrow(), report.passRate().mean(), 1e-12);
    }

    @Test
    void theSameLabelsAndSeedGiveTheSameFigures() {
        assertEquals(crossValidate(3, 4), crossValidate(3, 4));
    }

    @Test
    void progressRunsThroughTheFoldsInOrder() {
        List<String> stages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        trainer.crossValidate(tasks, SyntheticTasks.LADDER, new CrossValidationSpec(2).splits(tasks, 1), TrainingParameters.defaults(),
                (stage, fraction) -> {
                    stages.add(stage);
                    fractions.add(fraction);
                });
        assertEquals("cross-validation fold 1 of 2: embedding", stages.get(0));
        assertEquals("cross-validation fold 2 of 2: done", stages.get(stages.size() - 1));
        assertEquals(0.5, fractions.get(stages.indexOf("cross-validation fold 1 of 2: done")));
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    @Test
    void aFoldThatCannotTrainRefusesNamingTheFold() {
        List<LabelledTask> oneClass = tasks.stream().filter(task -> Integer.valueOf(1).equals(task.complexity())).toList();
        TrainingRefused refused = assertThrows(TrainingRefused.class, () -> trainer.crossValidate(oneClass, SyntheticTasks.LADDER,
                new CrossValidationSpec(2).splits(oneClass, 1), TrainingParameters.defaults(), TrainingProgress.ignored()));
        assertTrue(refused.getMessage().startsWith("cross-validation fold 1 of 2: the classifier needs two complexity classes"),
                refused.getMessage());
    }

    @Test
    void theSpreadIsTheSampleStandardDeviation() {
        Spread spread = Spread.of(0.5, 0.7, 0.9);
        assertEquals(0.7, spread.mean(), 1e-12);
        assertEquals(0.2, spread.standardDeviation(), 1e-12);
        assertEquals(new Spread(0.6, 0), Spread.of(0.6));
        assertThrows(IllegalArgumentException.class, Spread::of);
    }
}
