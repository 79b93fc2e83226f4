package io.complexitynet.router.domain;

import java.util.Arrays;
import java.util.Locale;

/** How the first model is picked. */
public enum RoutingMode {
    /** The paper's: the predicted complexity class mapped to a model of the ladder. */
    PAPER("paper"),
    /** The cheapest model whose predicted pass probability clears the threshold (the quality knob). */
    EXPECTED_COST("expected-cost"),
    /**
     * The cheapest model the request may use, whatever the prediction. With tests and escalation this is
     * the cheapest way to a passing answer (on MBPP, capped at GPT-3.5, it beats the paper's operating
     * point); without tests it is always the cheapest model.
     */
    CHEAPEST_FIRST("cheapest-first"),
    /**
     * The no-tests cascade: the cheapest model first; without tests each answer but the last allowed model's is run
     * test-free in the verifier's sandbox and taken when the promoted model's answer scorer accepts it, else the next
     * model is asked. With tests, verify-and-escalate as {@link #CHEAPEST_FIRST}: the tests are better evidence.
     */
    SCORED_CASCADE("scored-cascade");

    private final String id;

    RoutingMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static RoutingMode named(String id) {
        return Arrays.stream(values()).filter(mode -> mode.id.equals(id.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown policy '" + id + "'; known: "
                        + Arrays.stream(values()).map(RoutingMode::id).toList()));
    }
}
