package io.complexitynet.router.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        return model -> {
            asked.add(model.name());
            String code = codeByModel.get(model.name());
            if (code == null) {
                throw new Cascade.GenerationFailed(model.name() + " is unreachable", null);
            }
            return new Cascade.Generated(code, 100, 900, 5);
        };
    }

    private static final Cascade.Checker PASSES_IF_GOOD = code -> new Cascade.Checked(code.equals("good") ? "PASSED" : "FAILED", 3);

    @Test
    void stepsUpUntilAnAnswerPassesAndPaysForEveryModelAsked() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD),
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
        }), answers(Map.of("small", "bad", "middle", "good")));
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
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(recording),
                answers(Map.of("small", "  \n", "middle", "good")));
        assertEquals(List.of("small", "middle"), asked);
        assertEquals(List.of("good"), verified);
        assertEquals("EMPTY_ANSWER", outcome.attempts().get(0).checked().orElseThrow().verdict());
        assertEquals("middle", outcome.answer().orElseThrow().model().name());

        asked.clear();
        Cascade.Outcome untested = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), answers(Map.of("small", "", "middle", "bad")));
        assertEquals(List.of("small", "middle"), asked, "without tests an empty reply is still no answer");
        assertEquals("middle", untested.answer().orElseThrow().model().name());
    }

    @Test
    void withoutTestsTheFirstAnswerIsTheAnswer() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), answers(Map.of("small", "bad")));
        assertEquals(List.of("small"), asked);
        assertTrue(outcome.answer().orElseThrow().checked().isEmpty());
    }

    @Test
    void anUnreachableModelIsSteppedOver() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), answers(Map.of("middle", "bad")));
        assertEquals(List.of("small", "middle"), asked);
        assertEquals("small is unreachable", outcome.attempts().get(0).failure().orElseThrow());
        assertEquals("middle", outcome.answer().orElseThrow().model().name());
    }

    @Test
    void whenNothingPassesTheLastAnswerIsReturnedWithItsVerdict() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD),
                answers(Map.of("small", "bad", "middle", "bad", "large", "bad")));
        assertEquals(3, outcome.attempts().size());
        Cascade.Attempt answer = outcome.answer().orElseThrow();
        assertEquals("large", answer.model().name());
        assertEquals("FAILED", answer.checked().orElseThrow().verdict());
    }

    @Test
    void withEscalationOffOnlyTheFirstModelIsAsked() {
        Cascade.Outcome outcome = new Cascade(LADDER, false).run(FROM_SMALL, Optional.of(PASSES_IF_GOOD),
                answers(Map.of("small", "bad", "middle", "good")));
        assertEquals(List.of("small"), asked);
        assertEquals("FAILED", outcome.answer().orElseThrow().checked().orElseThrow().verdict());
    }

    @Test
    void noAnswerAtAllWhenEveryModelFails() {
        Cascade.Outcome outcome = new Cascade(LADDER, true).run(FROM_SMALL, Optional.empty(), answers(Map.of()));
        assertTrue(outcome.answer().isEmpty());
        assertEquals(3, outcome.attempts().size());
    }
}
