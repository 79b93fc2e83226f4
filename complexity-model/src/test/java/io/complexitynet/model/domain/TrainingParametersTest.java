package io.complexitynet.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingParametersTest {

    @Test
    void defaultsAreLogisticHeadsWithoutPenalty() {
        TrainingParameters defaults = TrainingParameters.defaults();
        assertEquals(HeadType.LOGISTIC, defaults.headType());
        assertEquals(0, defaults.l2());
        assertFalse(defaults.balancedClasses());
    }

    @Test
    void balancingTheClassesKeepsEveryOtherParameter() {
        TrainingParameters defaults = TrainingParameters.defaults();
        TrainingParameters balanced = defaults.withBalancedClasses(true);
        assertTrue(balanced.balancedClasses());
        assertEquals(defaults, balanced.withBalancedClasses(false));
    }

    @Test
    void anL2PenaltyIsRefusedWithTheReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new TrainingParameters(HeadType.LOGISTIC, 10, 0.1, 0.01, 1, 5));
        assertTrue(refused.getMessage().startsWith("l2 must be 0"), refused.getMessage());
    }

    @Test
    void outOfRangeValuesNameTheParameter() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new TrainingParameters(HeadType.LOGISTIC, 0, 0.1, 0, 1, 5));
        assertEquals("epochs must be in [1, 1000], was 0", refused.getMessage());
    }

    @Test
    void headTypesAreNamedAsInRequests() {
        assertEquals(HeadType.FACTORIZATION_MACHINE, HeadType.named(" Factorization-Machine "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> HeadType.named("forest"));
        assertEquals("unknown head type 'forest'; known: [logistic, factorization-machine]", unknown.getMessage());
    }
}
