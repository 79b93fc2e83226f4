package io.complexitynet.router.domain;

import java.util.Arrays;
import java.util.Locale;

/** How the first model is picked. */
public enum RoutingMode {
    /** The paper's: the predicted complexity class mapped to a model of the ladder. */
    PAPER("paper"),
    /** The cheapest model whose predicted pass probability clears the threshold (the quality knob). */
    EXPECTED_COST("expected-cost");

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
