package io.complexitynet.model.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.probe.ProbeOutcome.Kind;
import io.complexitynet.model.learning.AnswerEvidence;
import io.complexitynet.model.learning.AnswerScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnswerScorerTrainingTest {

    private static final int LADDER = 3;
    private static final ProbeOutcome RETURNED = new ProbeOutcome(Kind.RETURNED, 3, 3);
    private static final ProbeOutcome DID_NOT_LOAD = new ProbeOutcome(Kind.DID_NOT_LOAD, 3, 0);

    @Test
    void answersThatReturnedScoreAboveAnswersThatDidNotLoadWhenOnlyThoseTakePasses() {
        List<AnswerEvidence> rows = new ArrayList<>();
        List<Boolean> passed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new AnswerEvidence(i % LADDER, RETURNED, 200 + i, 0.5));
            passed.add(true);
            rows.add(new AnswerEvidence(i % LADDER, DID_NOT_LOAD, 200 + i, 0.5));
            passed.add(false);
        }
        AnswerScorer scorer = AnswerScorerTraining.fit(rows, toArray(passed), LADDER, AnswerScorerTraining.DEFAULT_L2);
        double[] weights = scorer.weights();
        assertTrue(weights[1 + Kind.RETURNED.ordinal()] > 0, scorer.toString());
        assertTrue(weights[1 + Kind.DID_NOT_LOAD.ordinal()] < 0, scorer.toString());
        assertTrue(scorer.score(new AnswerEvidence(0, RETURNED, 250, 0.5)) > 0.9, scorer.toString());
        assertTrue(scorer.score(new AnswerEvidence(0, DID_NOT_LOAD, 250, 0.5)) < 0.1, scorer.toString());
    }

    @Test
    void aHigherPassProbabilityThatGoesWithPassingGetsAPositiveWeight() {
        List<AnswerEvidence> rows = new ArrayList<>();
        List<Boolean> passed = new ArrayList<>();
        for (int i = 0; i <= 50; i++) {
            double probability = i / 50.0;
            rows.add(new AnswerEvidence(1, RETURNED, 300, probability));
            passed.add(probability > 0.5);
        }
        AnswerScorer scorer = AnswerScorerTraining.fit(rows, toArray(passed), LADDER, AnswerScorerTraining.DEFAULT_L2);
        double[] high = AnswerScorer.features(new AnswerEvidence(1, RETURNED, 300, 1), LADDER);
        double[] low = AnswerScorer.features(new AnswerEvidence(1, RETURNED, 300, 0), LADDER);
        int probabilityFeature = IntStream.range(0, high.length).filter(i -> high[i] != low[i]).findFirst().orElseThrow();
        assertTrue(scorer.weights()[probabilityFeature] > 0, scorer.toString());
        assertTrue(scorer.score(new AnswerEvidence(1, RETURNED, 300, 0.9)) > scorer.score(new AnswerEvidence(1, RETURNED, 300, 0.1)));
    }

    @Test
    void theSameRowsGiveTheSameWeights() {
        List<AnswerEvidence> rows = List.of(new AnswerEvidence(0, RETURNED, 10, 0.2), new AnswerEvidence(2, DID_NOT_LOAD, 0, 0.9),
                new AnswerEvidence(1, RETURNED, 500, 0.6));
        boolean[] passed = {true, false, false};
        assertArrayEquals(AnswerScorerTraining.fit(rows, passed, LADDER, 1).weights(),
                AnswerScorerTraining.fit(rows, passed, LADDER, 1).weights());
    }

    @Test
    void rowsOfOneOutcomeAreRefused() {
        List<AnswerEvidence> rows = List.of(new AnswerEvidence(0, RETURNED, 10, 0.2), new AnswerEvidence(1, RETURNED, 20, 0.3));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AnswerScorerTraining.fit(rows, new boolean[] {true, true}, LADDER, 1));
        assertEquals("the 2 answers all passed: nothing to tell apart", refused.getMessage());
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
