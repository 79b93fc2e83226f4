package io.complexitynet.model.training;

import io.complexitynet.core.routing.RoutingOutcome;
import io.complexitynet.model.learning.AnswerScorer;

/** What a training run made of the no-tests cascade: a scorer and its figures, or why there is none. */
public sealed interface NoTestsCascadeReport {

    /** No scorer was trained; the model routes without the no-tests cascade. */
    record NotTrained(String reason) implements NoTestsCascadeReport {
    }

    /**
     * The scorer stored with the model, at the threshold calibrated on validation, and what it did on the test split.
     *
     * @param trainingAnswers   the training split's answers with a recorded test-free run, every sample of every model
     * @param cheapest          the scorer on the cheapest model's test answers (every sample)
     * @param all               the scorer on every model's test answers
     * @param test              the cascade over every test task (each model's first answer)
     * @param solvedPassRate    its pass rate over the test tasks some model solved
     * @param solvedTasks       how many those are
     * @param costCutVsLargest  its cost cut against always asking the largest model
     * @param tasksLeftOut      test tasks that could not be replayed: some model's first answer has no recorded test-free run
     */
    record Trained(AnswerScorer scorer, int trainingAnswers, NoTestsCascade.Calibration calibration, ScorerPrecision cheapest,
                   ScorerPrecision all, RoutingOutcome test, double solvedPassRate, int solvedTasks, double costCutVsLargest,
                   int tasksLeftOut) implements NoTestsCascadeReport {
    }
}
