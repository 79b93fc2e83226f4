package io.complexitynet.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.learning.AnswerEvidence;
import io.complexitynet.model.learning.AnswerScorer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoTestsCascadeTest {

    private static final List<PricedModel> LADDER = List.of(new PricedModel("small", 1), new PricedModel("middle", 10),
            new PricedModel("large", 100));
    private static final ProbeOutcome RETURNED = new ProbeOutcome(ProbeOutcome.Kind.RETURNED, 1, 1);
    /** Scores an answer by its pass probability alone: sigmoid(8 (p - 0.5)), so a higher p always scores higher. */
    private static final AnswerScorer BY_PROBABILITY = new AnswerScorer(3, new double[] {-4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0}, 0.5);

    private final NoTestsCascade cascade = new NoTestsCascade(LADDER);

    @Test
    void eachTaskPaysEveryModelItAsksAndTakesTheFirstAcceptedAnswer() {
        // Task a: the small model's answer is accepted and passes. Task b: small and middle are turned down, large fails.
        List<NoTestsCascade.Task> tasks = List.of(task("a", 0.9, true, 0.9, true, 0.9, true), task("b", 0.1, true, 0.1, true, 0.9, false));
        RoutingOutcome outcome = cascade.replay(BY_PROBABILITY, tasks);
        assertEquals(0.5, outcome.passRate(), 1e-12);
        assertEquals((1 + 111) / 2.0, outcome.meanCost(), 1e-12);
        assertEquals(List.of(1.0, 0.5, 0.5), outcome.shares().stream().map(ModelShare::share).toList());
        assertEquals(1 - 56 / 100.0, cascade.costCut(outcome), 1e-12);
    }

    @Test
    void calibrationPicksTheBestPassRateThatMeetsTheCostCut() {
        // Accepting every small answer costs 1 and passes nothing more; turning the five down costs 11 (89% cut) or more.
        List<NoTestsCascade.Task> tasks = fiveSmallFailuresFifteenSmallPasses();
        NoTestsCascade.Calibration calibration = cascade.calibrate(BY_PROBABILITY, tasks, new CascadeTarget.CostCut(0.9));
        assertTrue(calibration.reached());
        assertTrue(calibration.validationCostCut() >= 0.9, calibration.toString());
        // Turning the five down (a threshold above their score, at most the passing answers') passes all twenty.
        assertEquals(1.0, calibration.validation().passRate(), 1e-12);
        double failingScore = BY_PROBABILITY.score(new AnswerEvidence(0, RETURNED, 100, 0.6));
        double passingScore = BY_PROBABILITY.score(new AnswerEvidence(0, RETURNED, 100, 0.8));
        double smallThreshold = calibration.thresholds().get(0);
        assertTrue(smallThreshold > failingScore && smallThreshold <= passingScore, calibration.toString());
        assertEquals((15 * 1 + 5 * 11) / 20.0, calibration.validation().meanCost(), 1e-12);
    }

    @Test
    void aStricterCostTargetTradesPassRateForCost() {
        List<NoTestsCascade.Task> tasks = fiveSmallFailuresFifteenSmallPasses();
        // 0.97 is only met by taking every small answer (cost 1, cut 99%), which passes 15 of 20.
        NoTestsCascade.Calibration calibration = cascade.calibrate(BY_PROBABILITY, tasks, new CascadeTarget.CostCut(0.97));
        assertTrue(calibration.reached());
        assertEquals(0.75, calibration.validation().passRate(), 1e-12);
        assertEquals(1.0, calibration.validation().meanCost(), 1e-12);
    }

    @Test
    void whenNoThresholdMeetsTheCostCutTheBestPassRateAtAnyCostIsTakenAndSaidSo() {
        NoTestsCascade flat = new NoTestsCascade(List.of(new PricedModel("a", 5), new PricedModel("b", 5), new PricedModel("c", 5)));
        List<NoTestsCascade.Task> tasks = List.of(task("x", 0.6, false, 0.9, true, 0.9, true), task("y", 0.8, true, 0.9, true, 0.9, true));
        NoTestsCascade.Calibration calibration = flat.calibrate(BY_PROBABILITY, tasks, new CascadeTarget.CostCut(0.5));
        assertFalse(calibration.reached());
        assertEquals(1.0, calibration.validation().passRate(), 1e-12);
    }

    @Test
    void eachModelGetsItsOwnThresholdBecauseARejectionCostsMoreHigherUp() {
        // The small model's answers: p 0.6 fail, p 0.8 pass; the middle model's: p 0.6 all, passing but for one task.
        // One threshold for both would either keep the small failures (under 0.6) or send every middle answer to the
        // large model (over 0.6, cost 111); apart, the small model's sits between 0.6 and 0.8 and the middle's at most 0.6.
        List<NoTestsCascade.Task> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(task("fail" + i, 0.6, false, 0.6, true, 0.9, true));
        }
        tasks.add(task("hard", 0.6, false, 0.6, false, 0.9, true));
        for (int i = 0; i < 15; i++) {
            tasks.add(task("pass" + i, 0.8, true, 0.9, true, 0.9, true));
        }
        NoTestsCascade.Calibration calibration = cascade.calibrate(BY_PROBABILITY, tasks, new CascadeTarget.CostCut(0.9));
        assertTrue(calibration.reached(), calibration.toString());
        assertEquals(19 / 20.0, calibration.validation().passRate(), 1e-12);
        assertEquals((15 * 1 + 5 * 11) / 20.0, calibration.validation().meanCost(), 1e-12);
        double failingScore = BY_PROBABILITY.score(new AnswerEvidence(0, RETURNED, 100, 0.6));
        assertTrue(calibration.thresholds().get(0) > failingScore, calibration.toString());
        assertTrue(calibration.thresholds().get(1) <= failingScore, calibration.toString());
        AnswerScorer calibrated = calibration.applyTo(BY_PROBABILITY);
        assertEquals(calibration.validation().passRate(), cascade.replay(calibrated, tasks).passRate(), 1e-12);
    }

    @Test
    void aPassRateTargetIsMetAtTheLargestCostCut() {
        List<NoTestsCascade.Task> tasks = fiveSmallFailuresFifteenSmallPasses();
        // Passing 75% needs no middle model at all: every small answer is taken (cost 1).
        NoTestsCascade.Calibration loose = cascade.calibrate(BY_PROBABILITY, tasks, new CascadeTarget.SolvedPassRate(0.75));
        assertTrue(loose.reached());
        assertEquals(0.75, loose.validationSolvedPassRate(), 1e-12);
        assertEquals(1.0, loose.validation().meanCost(), 1e-12);
        // Passing all needs the five failures sent up, and nothing more.
        NoTestsCascade.Calibration strict = cascade.calibrate(BY_PROBABILITY, tasks, new CascadeTarget.SolvedPassRate(1.0));
        assertTrue(strict.reached());
        assertEquals(1.0, strict.validationSolvedPassRate(), 1e-12);
        assertEquals((15 * 1 + 5 * 11) / 20.0, strict.validation().meanCost(), 1e-12);
    }

    /**
     * Five tasks the small model fails, each with a confident-looking small answer (p 0.6), that the middle model passes;
     * fifteen the small model passes with p 0.8.
     */
    private static List<NoTestsCascade.Task> fiveSmallFailuresFifteenSmallPasses() {
        List<NoTestsCascade.Task> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(task("fail" + i, 0.6, false, 0.9, true, 0.9, true));
        }
        for (int i = 0; i < 15; i++) {
            tasks.add(task("pass" + i, 0.8, true, 0.9, true, 0.9, true));
        }
        return tasks;
    }

    private static NoTestsCascade.Task task(String id, double p0, boolean pass0, double p1, boolean pass1, double p2, boolean pass2) {
        return new NoTestsCascade.Task(id, pass0 || pass1 || pass2, List.of(answer(0, p0, pass0), answer(1, p1, pass1), answer(2, p2, pass2)));
    }

    private static NoTestsCascade.Answer answer(int model, double probability, boolean passed) {
        return new NoTestsCascade.Answer(new AnswerEvidence(model, RETURNED, 100, probability), passed);
    }
}
