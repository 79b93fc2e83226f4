package io.complexitynet.router.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.refusal.RequestRefused;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ModelChoiceTest {

    private static final List<String> LADDER = List.of("codellama-7b-python", "gpt-3.5-turbo-1106", "gpt-4-1106-preview");

    @Test
    void namesChooseTheTenantsPolicyAPolicyWithItsKnobOrALadderModel() {
        assertEquals(new ModelChoice(Optional.empty(), OptionalDouble.empty(), Optional.empty()), ModelChoice.parse("complexitynet", LADDER));
        assertEquals(new ModelChoice(Optional.of(RoutingMode.CHEAPEST_FIRST), OptionalDouble.empty(), Optional.empty()),
                ModelChoice.parse("complexitynet/cheapest-first", LADDER));
        assertEquals(new ModelChoice(Optional.of(RoutingMode.EXPECTED_COST), OptionalDouble.of(0.6), Optional.empty()),
                ModelChoice.parse("complexitynet/expected-cost:0.6", LADDER));
        assertEquals(new ModelChoice(Optional.empty(), OptionalDouble.empty(), Optional.of("gpt-4-1106-preview")),
                ModelChoice.parse("gpt-4-1106-preview", LADDER));
        assertEquals(List.of("complexitynet", "complexitynet/paper", "complexitynet/expected-cost", "complexitynet/cheapest-first",
                "complexitynet/scored-cascade", "codellama-7b-python", "gpt-3.5-turbo-1106", "gpt-4-1106-preview"), ModelChoice.names(LADDER));
    }

    @Test
    void anUnknownNameIsNotFoundAndABadKnobIsInvalid() {
        for (String unknown : List.of("gpt-5", "complexitynet/fastest", "complexitynet2", "complexitynet/")) {
            RequestRefused refused = assertThrows(RequestRefused.class, () -> ModelChoice.parse(unknown, LADDER), unknown);
            assertEquals(RequestRefused.Kind.NOT_FOUND, refused.kind(), unknown);
            assertTrue(refused.getMessage().contains("'" + unknown + "' does not exist"), refused.getMessage());
        }
        for (String bad : List.of("complexitynet/expected-cost:2", "complexitynet/expected-cost:x", "complexitynet/paper:0.5", "")) {
            assertEquals(RequestRefused.Kind.INVALID_ARGUMENT, assertThrows(RequestRefused.class, () -> ModelChoice.parse(bad, LADDER)).kind(), bad);
        }
    }
}
