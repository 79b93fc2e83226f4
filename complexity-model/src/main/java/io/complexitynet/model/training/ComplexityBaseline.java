package io.complexitynet.model.training;

import java.util.List;

/** A reference classifier the complexity model is reported beside. */
interface ComplexityBaseline {

    /** Short name for reports, e.g. {@code majority class}. */
    String name();

    /** The predicted complexity of each prompt, in order. */
    int[] predictAll(List<String> prompts);
}
