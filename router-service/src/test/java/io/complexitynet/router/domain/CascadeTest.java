package io.complexitynet.router.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.routing.PricedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CascadeTest {

    private static final List<PricedModel> LADDER = List.of(new PricedModel("small", 1), new PricedModel("middle", 10),
            new PricedModel("large", 100));
    private static final Decision FROM_SMALL = new Decision(Prediction.of(1, 0.9, 0.9, 0.9), RoutingMode.PAPER, 0.5,
            List.of(0, 1, 2), "test");

    private final List<String> asked = new ArrayList<>();

    private Cascade.Generator answers(Map<String, String> codeByModel) {
        return (model, sample) -> {
            asked.add(model.name());
            String code = codeByModel.get(model.name());
            if (code == null) {
                throw new Cascade.GenerationFailed(model.name() + " is unreachable", null);
            }
            return new Cascade.Generated(code, code, 100, 900, 5);
        };
    }

    private static final Cascade.Checker PASSES_IF_GOOD = code -> new Cascade.Checked(code.equals("good") ? "PASSED" : "FAILED", 3);

    @Test
    void stepsUpUntilAnAnswerPassesAndPaysForEveryModelAsked() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD), 1,
                answers(Map.of("small", "bad", "middle", "good", "large", "good")));
        assertEquals(List.of("small", "middle"), asked);
        assertEquals("middle", outcome.answer().orElseThrow().model().name());
        assertEquals(1.0, outcome.attempts().get(0).costUnits(), 1e-9);
        assertEquals(10.0, outcome.attempts().get(1).costUnits(), 1e-9);
    }

    @Test
    void aCheckThatRefusesStopsTheCascadeButKeepsWhatTheModelCost() {
        IllegalArgumentException refusal = new IllegalArgumentException("the verifier cannot run these tests");
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(code -> {
            throw refusal;
        }), 1, answers(Map.of("small", "bad", "middle", "good")));
        assertEquals(List.of("small"), asked);
        assertEquals(Optional.of(refusal), outcome.stoppedBy());
        assertEquals(1.0, outcome.attempts().get(0).costUnits(), 1e-9, "the model ran, so its answer is paid for");
    }

    @Test
    void anEmptyAnswerIsNeverVerifiedAndStepsUp() {
        List<String> verified = new ArrayList<>();
        Cascade.Checker recording = code -> {
            verified.add(code);
            return PASSES_IF_GOOD.check(code);
        };
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(recording), 1,
                answers(Map.of("small", "  \n", "middle", "good")));
        assertEquals(List.of("small", "middle"), asked);
        assertEquals(List.of("good"), verified);
        assertEquals("EMPTY_ANSWER", outcome.attempts().get(0).checked().orElseThrow().verdict());
        assertEquals("middle", outcome.answer().orElseThrow().model().name());

        asked.clear();
        Cascade.Outcome untested = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), 1, answers(Map.of("small", "", "middle", "bad")));
        assertEquals(List.of("small", "middle"), asked, "without tests an empty reply is still no answer");
        assertEquals("middle", untested.answer().orElseThrow().model().name());
    }

    @Test
    void withoutTestsTheFirstAnswerIsTheAnswer() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), 1, answers(Map.of("small", "bad")));
        assertEquals(List.of("small"), asked);
        assertTrue(outcome.answer().orElseThrow().checked().isEmpty());
    }

    @Test
    void anUnreachableModelIsSteppedOver() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), 1, answers(Map.of("middle", "bad")));
        assertEquals(List.of("small", "middle"), asked);
        assertEquals("small is unreachable", outcome.attempts().get(0).failure().orElseThrow());
        assertEquals("middle", outcome.answer().orElseThrow().model().name());
    }

    @Test
    void whenNothingPassesTheLastAnswerIsReturnedWithItsVerdict() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD), 1,
                answers(Map.of("small", "bad", "middle", "bad", "large", "bad")));
        assertEquals(3, outcome.attempts().size());
        Cascade.Attempt answer = outcome.answer().orElseThrow();
        assertEquals("large", answer.model().name());
        assertEquals("FAILED", answer.checked().orElseThrow().verdict());
    }

    @Test
    void withEscalationOffOnlyTheFirstModelIsAsked() {
        Cascade.Outcome outcome = new Cascade(LADDER, false).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD), 1,
                answers(Map.of("small", "bad", "middle", "good")));
        assertEquals(List.of("small"), asked);
        assertEquals("FAILED", outcome.answer().orElseThrow().checked().orElseThrow().verdict());
    }

    @Test
    void noAnswerAtAllWhenEveryModelFails() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), 1, answers(Map.of()));
        assertTrue(outcome.answer().isEmpty());
        assertEquals(3, outcome.attempts().size());
    }

    /** Answers in order per model: the i-th answer of a model is its sample i; asking past the list is a failure. */
    private Cascade.Generator samples(Map<String, List<String>> codeByModel) {
        return (model, sample) -> {
            asked.add(model.name() + "#" + sample);
            List<String> answers = codeByModel.getOrDefault(model.name(), List.of());
            if (sample >= answers.size()) {
                throw new Cascade.GenerationFailed(model.name() + " has no sample " + sample, null);
            }
            return new Cascade.Generated(answers.get(sample), answers.get(sample), 100, 900, 5);
        };
    }

    @Test
    void withTriesAModelAnswersAgainBeforeTheCascadeMovesUpAndEveryAnswerIsCharged() {
        Map<String, List<String>> answers = Map.of("small", List.of("bad", "bad", "good"), "middle", List.of("bad", "good"),
                "large", List.of("good"));
        Cascade.Outcome once = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD), 1, samples(answers));
        assertEquals(List.of("small#0", "middle#0", "large#0"), asked);
        assertEquals(111.0, once.attempts().stream().mapToDouble(Cascade.Attempt::costUnits).sum(), 1e-9);

        asked.clear();
        Cascade.Outcome twice = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD), 2, samples(answers));
        assertEquals(List.of("small#0", "small#1", "middle#0", "middle#1"), asked);
        assertEquals("middle", twice.answer().orElseThrow().model().name());
        assertEquals(1, twice.answer().orElseThrow().sample());
        assertEquals(22.0, twice.attempts().stream().mapToDouble(Cascade.Attempt::costUnits).sum(), 1e-9);

        asked.clear();
        Cascade.Outcome thrice = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD), 3, samples(answers));
        assertEquals(List.of("small#0", "small#1", "small#2"), asked);
        assertEquals(3.0, thrice.attempts().stream().mapToDouble(Cascade.Attempt::costUnits).sum(), 1e-9);
    }

    @Test
    void triesStayOnTheFirstModelWithEscalationOffAndAModelThatCannotAnswerIsLeftAtOnce() {
        Cascade.Outcome unescalated = new Cascade(LADDER, false).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD), 3,
                samples(Map.of("small", List.of("bad", "bad", "bad"), "middle", List.of("good"))));
        assertEquals(List.of("small#0", "small#1", "small#2"), asked);
        assertEquals("FAILED", unescalated.answer().orElseThrow().checked().orElseThrow().verdict());

        asked.clear();
        Cascade.Outcome stepped = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD), 3,
                samples(Map.of("small", List.of("bad"), "middle", List.of("good"))));
        assertEquals(List.of("small#0", "small#1", "middle#0"), asked, "a sample that cannot be had ends that model's tries");
        assertEquals("middle", stepped.answer().orElseThrow().model().name());
    }

    @Test
    void withoutTestsTriesDoNotApplyAndTheCeilingCountsThem() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), 3,
                samples(Map.of("small", List.of("bad", "good"))));
        assertEquals(List.of("small#0"), asked);
        assertEquals(1, outcome.attempts().size());

        Cascade cascade = new Cascade(LADDER, true);
        double once = cascade.costCeiling(FROM_SMALL, 1, 100, model -> 900);
        assertEquals(111.0, once, 1e-9);
        assertEquals(3 * once, cascade.costCeiling(FROM_SMALL, 3, 100, model -> 900), 1e-9);
    }

    @Test
    void triesOutsideOneToFiveAreRefused() {
        Cascade cascade = new Cascade(LADDER, true);
        assertThrows(IllegalArgumentException.class, () -> cascade.run(FROM_SMALL, Optional.empty(), 0, samples(Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> cascade.run(FROM_SMALL, Optional.empty(), Cascade.MAX_TRIES_PER_MODEL + 1, samples(Map.of())));
    }

    /**
     * Takes answers that start with "good" only, a second one only when it is the same as the first; records what it was
     * asked to judge (the model's place in the ladder, the code, and for a second answer the first's).
     */
    private final List<String> judged = new ArrayList<>();
    private final Cascade.Judge takesGood = new Cascade.Judge() {
        @Override
        public Cascade.Judged judge(int modelIndex, Cascade.Generated generated) {
            judged.add(modelIndex + ":" + generated.code());
            return judgedAs(generated.code().startsWith("good"), Optional.empty());
        }

        @Override
        public Cascade.Judged judgeSecond(int modelIndex, Cascade.Generated first, Cascade.Generated second) {
            judged.add(modelIndex + ":" + second.code() + " after " + first.code());
            boolean agreed = first.code().equals(second.code());
            return judgedAs(second.code().startsWith("good") && agreed, Optional.of(agreed));
        }

        private Cascade.Judged judgedAs(boolean good, Optional<Boolean> agreed) {
            return new Cascade.Judged(new ProbeOutcome(good ? ProbeOutcome.Kind.RETURNED : ProbeOutcome.Kind.RAISED, 1, good ? 1 : 0),
                    good ? 0.9 : 0.1, good, 7, agreed);
        }
    };

    @Test
    void withTwoTriesAnAcceptedAnswerIsTakenOnlyWhenASecondOneFromTheSameModelAgrees() {
        Cascade cascade = new Cascade(LADDER, true);
        Cascade.Outcome agreeing = cascade.run(FROM_SMALL, Optional.empty(), Optional.of(takesGood), 2,
                samples(Map.of("small", List.of("good", "good"))));
        assertEquals(List.of("small#0", "small#1"), asked);
        assertEquals(List.of("0:good", "0:good after good"), judged);
        Cascade.Attempt taken = agreeing.answer().orElseThrow();
        assertEquals(1, taken.sample());
        assertEquals(Optional.of(true), taken.judged().orElseThrow().agreed());
        assertEquals(2.0, agreeing.attempts().stream().mapToDouble(Cascade.Attempt::costUnits).sum(), 1e-9, "both answers are paid");

        asked.clear();
        judged.clear();
        Cascade.Outcome disagreeing = cascade.run(FROM_SMALL, Optional.empty(), Optional.of(takesGood), 3,
                samples(Map.of("small", List.of("good", "good, other"), "middle", List.of("bad"), "large", List.of("bad"))));
        assertEquals(List.of("small#0", "small#1", "middle#0", "large#0"), asked, "never a third answer; a rejected first has no second");
        assertEquals(Optional.of(false), disagreeing.attempts().get(1).judged().orElseThrow().agreed());
        assertEquals("large", disagreeing.answer().orElseThrow().model().name());
        assertTrue(disagreeing.answer().orElseThrow().judged().isEmpty(), "the last model's answer is taken unjudged");

        asked.clear();
        Cascade.Outcome unavailable = cascade.run(FROM_SMALL, Optional.empty(), Optional.of(takesGood), 2,
                samples(Map.of("small", List.of("good"), "middle", List.of("good", "good"))));
        assertEquals(List.of("small#0", "small#1", "middle#0", "middle#1"), asked, "a second answer that cannot be had steps up");
        assertEquals("middle", unavailable.answer().orElseThrow().model().name());
    }

    @Test
    void withAJudgeWithoutTestsARejectedAnswerStepsUpAndAnAcceptedOneIsTaken() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), Optional.of(takesGood), 1,
                answers(Map.of("small", "bad", "middle", "good", "large", "good")));
        assertEquals(List.of("small", "middle"), asked);
        assertEquals(List.of("0:bad", "1:good"), judged);
        assertEquals("middle", outcome.answer().orElseThrow().model().name());
        assertFalse(outcome.attempts().get(0).judged().orElseThrow().accepted());
        assertEquals(11.0, outcome.attempts().stream().mapToDouble(Cascade.Attempt::costUnits).sum(), 1e-9, "every model asked is paid");
    }

    @Test
    void theLastModelsAnswerIsTakenUnjudgedAndAnEmptyAnswerIsNeverJudged() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), Optional.of(takesGood), 1,
                answers(Map.of("small", " ", "middle", "bad", "large", "bad")));
        assertEquals(List.of("small", "middle", "large"), asked);
        assertEquals(List.of("1:bad"), judged);
        Cascade.Attempt answer = outcome.answer().orElseThrow();
        assertEquals("large", answer.model().name());
        assertTrue(answer.judged().isEmpty());

        judged.clear();
        Cascade.Outcome alone = new Cascade(LADDER, false).run(FROM_SMALL, Optional.empty(), Optional.of(takesGood), 1,
                answers(Map.of("small", "bad")));
        assertEquals("small", alone.answer().orElseThrow().model().name());
        assertEquals(List.of(), judged, "a cascade of one model has nothing to judge");
    }

    @Test
    void withTestsTheJudgeIsNotAskedTheTestsDecide() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD), Optional.of(takesGood), 1,
                answers(Map.of("small", "bad", "middle", "good")));
        assertEquals(List.of(), judged);
        assertEquals("PASSED", outcome.answer().orElseThrow().verdict());
    }

    @Test
    void aJudgeThatCannotRunStopsTheCascadeBeforeAnotherModelIsPaid() {
        IllegalStateException unreachable = new IllegalStateException("the verifier could not be asked");
        Cascade.Judge cannotRun = new Cascade.Judge() {
            @Override
            public Cascade.Judged judge(int modelIndex, Cascade.Generated generated) {
                throw unreachable;
            }

            @Override
            public Cascade.Judged judgeSecond(int modelIndex, Cascade.Generated first, Cascade.Generated second) {
                throw unreachable;
            }
        };
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), Optional.of(cannotRun), 1,
                answers(Map.of("small", "bad", "middle", "good")));
        assertEquals(List.of("small"), asked);
        assertEquals(Optional.of(unreachable), outcome.stoppedBy());
        assertEquals(1.0, outcome.attempts().get(0).costUnits(), 1e-9);
    }
}
