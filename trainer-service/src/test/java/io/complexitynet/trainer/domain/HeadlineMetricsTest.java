package io.complexitynet.trainer.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.SyntheticTasks;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.CharacterTrigramEncoder;
import io.complexitynet.model.training.CalibratedRouting;
import io.complexitynet.model.training.GapMetrics;
import io.complexitynet.model.training.Trainer;
import io.complexitynet.model.training.TrainingReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headline a model is stored, shown and promoted with, taken from a real training run's report on synthetic tasks. */
class HeadlineMetricsTest {

    private static final TrainingReport REPORT = new Trainer(new CharacterTrigramEncoder())
            .train(SyntheticTasks.everyStep(2), SyntheticTasks.LADDER, DataSplit.mbpp(), TrainingParameters.defaults()).report();

    @Test
    void classificationFiguresAreTheTestSplitsForTheModelAndItsBaselines() {
        HeadlineMetrics headline = HeadlineMetrics.of(REPORT, SyntheticTasks.LADDER);
        assertEquals(REPORT.classification().model().accuracy(), headline.accuracy());
        assertEquals(REPORT.classification().model().macroF1(), headline.macroF1());
        assertEquals(REPORT.classification().majority().accuracy(), headline.majorityAccuracy());
        assertEquals(REPORT.classification().tfIdf().accuracy(), headline.tfidfAccuracy());
        assertEquals(REPORT.classification().tfIdf().macroF1(), headline.tfidfMacroF1());
    }

    @Test
    void routingFiguresAreTheHeadlineThresholdsOnTestAndOnValidationForThePolicy() {
        HeadlineMetrics headline = HeadlineMetrics.of(REPORT, SyntheticTasks.LADDER);
        CalibratedRouting first = REPORT.routing().calibrated().get(0);
        RoutingOutcome validation = first.validation().point().outcome();
        assertEquals(first.validation().threshold(), headline.threshold());
        assertEquals(first.test().passRate(), headline.passRate());
        assertEquals(first.test().costCutVersus(REPORT.routing().alwaysLargest()), headline.costCutVsLargest());
        assertEquals(validation.passRate(), headline.validationPassRate());
        assertEquals(validation.meanCost(), headline.validationCost());
        assertEquals(REPORT.routing().aiqPlain(), headline.aiq());
    }

    @Test
    void apgrIsThatOfTheCheapestModelAgainstTheLargest() {
        GapMetrics smallToLarge = REPORT.routing().gaps().stream()
                .filter(gap -> gap.weak().equals("small") && gap.strong().equals("large")).findFirst().orElseThrow();
        assertEquals(smallToLarge.apgr(), HeadlineMetrics.of(REPORT, SyntheticTasks.LADDER).apgr());
    }

    @Test
    void withoutAGapBetweenTheLaddersEndsApgrIsNotANumber() {
        HeadlineMetrics headline = HeadlineMetrics.of(REPORT, List.of(SyntheticTasks.LADDER.get(2), SyntheticTasks.LADDER.get(0)));
        assertTrue(Double.isNaN(headline.apgr()), Double.toString(headline.apgr()));
    }
}
