package io.complexitynet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.AuthOffPolicy.Outcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthOffPolicyTest {

    @Test
    void authOnAlwaysStarts() {
        assertEquals(Outcome.AUTH_ON, AuthOffPolicy.decide(true, false, "0.0.0.0", Optional.empty()).outcome());
    }

    @Test
    void aDeployedServiceWithAuthOffRefusesToStartEvenOnLoopback() {
        AuthOffPolicy.Decision decision = AuthOffPolicy.decide(false, false, "127.0.0.1", Optional.empty());
        assertEquals(Outcome.REFUSED, decision.outcome());
        assertTrue(decision.reason().contains("complexitynet.auth.off-acknowledgement=every-caller-is-trusted"), decision.reason());
    }

    @Test
    void theEmbeddedModeWithAuthOffStartsOnLoopbackOnly() {
        assertEquals(Outcome.OFF_ON_LOOPBACK, AuthOffPolicy.decide(false, true, "127.0.0.1", Optional.empty()).outcome());
        AuthOffPolicy.Decision open = AuthOffPolicy.decide(false, true, "0.0.0.0", Optional.empty());
        assertEquals(Outcome.REFUSED, open.outcome());
        assertTrue(open.reason().contains("0.0.0.0"), open.reason());
    }

    @Test
    void onlyTheExactPhraseAcknowledges() {
        assertEquals(Outcome.OFF_ACKNOWLEDGED, AuthOffPolicy.decide(false, false, "0.0.0.0", Optional.of("every-caller-is-trusted")).outcome());
        assertEquals(Outcome.REFUSED, AuthOffPolicy.decide(false, false, "0.0.0.0", Optional.of("true")).outcome());
        assertEquals(Outcome.REFUSED, AuthOffPolicy.decide(false, true, "127.0.0.1", Optional.of("yes")).outcome(),
                "a wrong acknowledgement is a mistake to report, not a value to ignore");
    }
}
