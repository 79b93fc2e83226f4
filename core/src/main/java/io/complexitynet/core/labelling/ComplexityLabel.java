package io.complexitynet.core.labelling;

import java.util.OptionalInt;

/**
 * A task's complexity under a labelling rule, or "unsolved" when no model of the ladder ever
 * passed it (the paper dropped those as likely errors in the data set; they are kept out of training).
 */
public record ComplexityLabel(OptionalInt complexity, String ruleVersion) {

    public static ComplexityLabel of(int complexity, String ruleVersion) {
        return new ComplexityLabel(OptionalInt.of(complexity), ruleVersion);
    }

    public static ComplexityLabel unsolved(String ruleVersion) {
        return new ComplexityLabel(OptionalInt.empty(), ruleVersion);
    }

    public boolean solved() {
        return complexity.isPresent();
    }
}
