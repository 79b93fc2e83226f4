package io.complexitynet.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.RecordedAnswer;
import io.complexitynet.model.domain.SyntheticTasks;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.CharacterTrigramEncoder;
import io.complexitynet.model.learning.ModelCodec;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoTestsCascadeFittingTest {

    private final List<LabelledTask> tasks = SyntheticTasks.everyStep(2);

    @Test
    void answersWithRecordedProbesGiveTheModelAScorerCalibratedForTheCostCut() {
        TrainingResult result = new Trainer(new CharacterTrigramEncoder(), new CascadeTarget.CostCut(0.9)).train(tasks, SyntheticTasks.answers(tasks), SyntheticTasks.LADDER,
                DataSplit.mbpp(), TrainingParameters.defaults(), TrainingProgress.ignored());
        NoTestsCascadeReport.Trained report = assertInstanceOf(NoTestsCascadeReport.Trained.class, result.report().noTestsCascade());
        assertEquals(Optional.of(report.scorer()), result.model().answerScorer());
        assertEquals(report.calibration().thresholds(), Arrays.stream(report.scorer().thresholds()).boxed().toList());
        assertTrue(report.calibration().reached(), report.calibration().toString());
        assertTrue(report.calibration().validationCostCut() >= 0.9, report.calibration().toString());
        // The probes say a lot here: the scorer beats accepting every cheapest answer.
        assertTrue(report.cheapest().precision() > report.cheapest().passRate(), report.cheapest().toString());
        assertTrue(report.all().recall() > 0.5, report.all().toString());
        assertEquals(result.report().sizes().test(), report.test().tasks() + report.tasksLeftOut());
        assertEquals(result.report().sizes().testSolved(), report.solvedTasks());
        assertTrue(report.solvedPassRate() >= report.test().passRate());
        assertEquals(report.scorer(), ModelCodec.decode(ModelCodec.encode(result.model()), new CharacterTrigramEncoder()).answerScorer().get());
    }

    @Test
    void aTestTaskWhoseFirstAnswerOfSomeModelWasNotProbedIsLeftOutOfTheReplayAndCounted() {
        // Task 11 is in MBPP's test range; its middle model's answer has no recorded test-free run.
        List<RecordedAnswer> answers = SyntheticTasks.answers(tasks).stream()
                .filter(answer -> !(answer.taskId().equals("11") && answer.modelIndex() == 1)).toList();
        TrainingResult result = new Trainer(new CharacterTrigramEncoder()).train(tasks, answers, SyntheticTasks.LADDER, DataSplit.mbpp(),
                TrainingParameters.defaults(), TrainingProgress.ignored());
        NoTestsCascadeReport.Trained report = assertInstanceOf(NoTestsCascadeReport.Trained.class, result.report().noTestsCascade());
        assertEquals(1, report.tasksLeftOut());
        assertEquals(result.report().sizes().test() - 1, report.test().tasks());
    }

    @Test
    void withoutRecordedProbesTheModelHasNoScorerAndTheReportSaysWhy() {
        TrainingResult result = new Trainer(new CharacterTrigramEncoder()).train(tasks, SyntheticTasks.LADDER, DataSplit.mbpp(),
                TrainingParameters.defaults());
        NoTestsCascadeReport.NotTrained report = assertInstanceOf(NoTestsCascadeReport.NotTrained.class, result.report().noTestsCascade());
        assertTrue(report.reason().contains("no test-free run"), report.reason());
        assertEquals(Optional.empty(), result.model().answerScorer());
    }
}
