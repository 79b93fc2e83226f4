package io.complexitynet.core.labelling;

import java.util.List;

/**
 * Turns a task's pass counts, one per model of the ladder ordered cheapest first, into its
 * complexity. Versioned: the version is stored with every label it made.
 */
public interface LabellingRule {

    /** Stable identifier and version, including any thresholds, e.g. {@code paper5/v1(reliable>=0.80)}. */
    String version();

    /** The complexity values this rule can give, lowest first. */
    List<Integer> classes();

    ComplexityLabel label(List<ModelPasses> ladder);
}
