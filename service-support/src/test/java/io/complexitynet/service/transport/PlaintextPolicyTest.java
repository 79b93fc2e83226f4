package io.complexitynet.service.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.service.transport.PlaintextPolicy.Outcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaintextPolicyTest {

    @Test
    void tlsOnlyStartsOnAnyAddress() {
        PlaintextPolicy.Decision decision = PlaintextPolicy.decide("0.0.0.0", "disabled", Optional.empty());
        assertEquals(Outcome.TLS_ONLY, decision.outcome());
        assertFalse(decision.plaintext());
    }

    @Test
    void plaintextStartsOnLoopbackOnly() {
        assertEquals(Outcome.PLAINTEXT_ON_LOOPBACK, PlaintextPolicy.decide("127.0.0.1", "enabled", Optional.empty()).outcome());
        PlaintextPolicy.Decision open = PlaintextPolicy.decide("0.0.0.0", "enabled", Optional.empty());
        assertEquals(Outcome.REFUSED, open.outcome());
        assertTrue(open.reason().contains("0.0.0.0") && open.reason().contains("quarkus.http.insecure-requests=disabled"), open.reason());
    }

    @Test
    void aRedirectingPlaintextPortStillReadsTokensInClear() {
        assertEquals(Outcome.REFUSED, PlaintextPolicy.decide("0.0.0.0", "redirect", Optional.empty()).outcome());
    }

    @Test
    void onlyTheExactPhraseAcknowledges() {
        PlaintextPolicy.Decision acknowledged = PlaintextPolicy.decide("0.0.0.0", "enabled", Optional.of("tokens-may-travel-in-clear"));
        assertEquals(Outcome.PLAINTEXT_ACKNOWLEDGED, acknowledged.outcome());
        assertTrue(acknowledged.plaintext());
        assertEquals(Outcome.REFUSED, PlaintextPolicy.decide("0.0.0.0", "enabled", Optional.of("true")).outcome());
        assertEquals(Outcome.REFUSED, PlaintextPolicy.decide("127.0.0.1", "enabled", Optional.of("yes")).outcome(),
                "a wrong acknowledgement is a mistake to report, not a value to ignore");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"})
    void loopbackAddresses(String host) {
        assertTrue(ListenAddress.isLoopback(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "10.0.0.5", "192.168.1.1", "example.com", "localhost.example.com", "127.0.0.1.nip.io", ""})
    void notLoopback(String host) {
        assertFalse(ListenAddress.isLoopback(host));
    }
}
