package io.complexitynet.trainer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.SyntheticTasks;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.CharacterTrigramEncoder;
import io.complexitynet.model.training.NoTestsCascadeReport;
import io.complexitynet.model.training.Trainer;
import io.complexitynet.model.training.TrainingProgress;
import io.complexitynet.model.training.TrainingReport;
import io.complexitynet.trainer.report.MarkdownReport;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The no-tests cascade's figures as a model is stored and shown with them, from a real training run on synthetic answers. */
class NoTestsCascadeMetricsTest {

    private static final TrainingReport REPORT = new Trainer(new CharacterTrigramEncoder()).train(SyntheticTasks.everyStep(2),
            SyntheticTasks.answers(SyntheticTasks.everyStep(2)), SyntheticTasks.LADDER, DataSplit.mbpp(), TrainingParameters.defaults(),
            TrainingProgress.ignored()).report();

    @Test
    void aTrainedScorersFiguresAreTheTestSplitsAtTheCalibratedThreshold() {
        NoTestsCascadeReport.Trained trained = assertInstanceOf(NoTestsCascadeReport.Trained.class, REPORT.noTestsCascade());
        NoTestsCascadeMetrics metrics = HeadlineMetrics.of(REPORT, SyntheticTasks.LADDER).noTestsCascade();
        assertTrue(metrics.trained());
        assertEquals(Arrays.stream(trained.scorer().thresholds()).boxed().toList(), metrics.thresholds());
        assertEquals("a cost cut of at least 90.0%", metrics.target());
        assertEquals(0, metrics.minSolvedPassRate());
        assertEquals(0.9, metrics.minCostCut());
        assertEquals(trained.cheapest().precision(), metrics.precisionCheapest());
        assertEquals(trained.all().recall(), metrics.recallAll());
        assertEquals(trained.test().passRate(), metrics.passRate());
        assertEquals(trained.solvedPassRate(), metrics.solvedPassRate());
        assertEquals(trained.costCutVsLargest(), metrics.costCutVsLargest());
        assertEquals(trained.test().shares().stream().map(ModelShare::share).toList(), metrics.callsPerModel());
    }

    @Test
    void theReportHasTheCascadeAndTheScorersPrecisionAndRecall() {
        String markdown = MarkdownReport.render(REPORT);
        assertTrue(markdown.contains("## No-tests cascade (test split, recorded answers)"), markdown);
        assertTrue(markdown.contains("| the cheapest model's |") && markdown.contains("| every model's |"), markdown);
    }

    @Test
    void aModelStoredBeforeTheCascadeReadsAsHavingNoScorer() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String stored = "{\"accuracy\":0.5,\"macroF1\":0.4,\"majorityAccuracy\":0.3,\"tfidfAccuracy\":0.3,\"tfidfMacroF1\":0.2,"
                + "\"threshold\":0.6,\"passRate\":0.6,\"costCutVsLargest\":0.4,\"validationPassRate\":0.6,\"validationCost\":50,"
                + "\"apgr\":0.1,\"aiq\":0.5,\"crossValidationFolds\":[]}";
        NoTestsCascadeMetrics cascade = json.readValue(stored, HeadlineMetrics.class).noTestsCascade();
        assertFalse(cascade.trained());
        assertEquals("trained before the no-tests cascade existed", cascade.notTrainedReason());
    }

    @Test
    void storedFiguresReadBackAsTheyWere() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HeadlineMetrics headline = HeadlineMetrics.of(REPORT, SyntheticTasks.LADDER);
        assertEquals(headline.noTestsCascade(), json.readValue(json.writeValueAsString(headline), HeadlineMetrics.class).noTestsCascade());
    }

    @Test
    void withoutProbesTheReasonIsKept() {
        TrainingReport unprobed = new Trainer(new CharacterTrigramEncoder()).train(SyntheticTasks.everyStep(2), SyntheticTasks.LADDER,
                DataSplit.mbpp(), TrainingParameters.defaults()).report();
        NoTestsCascadeMetrics metrics = HeadlineMetrics.of(unprobed, SyntheticTasks.LADDER).noTestsCascade();
        assertFalse(metrics.trained());
        assertTrue(metrics.notTrainedReason().contains("no test-free run"), metrics.notTrainedReason());
        assertEquals(List.of(), metrics.callsPerModel());
        assertTrue(MarkdownReport.render(unprobed).contains("No answer scorer: the labelling job recorded no test-free run"));
    }
}
