package io.complexitynet.model.domain;

import java.util.Arrays;
import java.util.Locale;

/** The learner behind the complexity classifier and the pass heads, all fitted by Tribuo's SGD. */
public enum HeadType {
    /** Multinomial logistic regression (Tribuo LinearSGD, LogMulticlass, AdaGrad). */
    LOGISTIC("logistic"),
    /** A factorization machine with logistic loss (Tribuo FMClassification): pairwise feature interactions. */
    FACTORIZATION_MACHINE("factorization-machine");

    private final String id;

    HeadType(String id) {
        this.id = id;
    }

    /** The name used in requests and stored parameters. */
    public String id() {
        return id;
    }

    public static HeadType named(String id) {
        return Arrays.stream(values())
                .filter(type -> type.id.equals(id.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown head type '" + id + "'; known: "
                        + Arrays.stream(values()).map(HeadType::id).toList()));
    }
}
