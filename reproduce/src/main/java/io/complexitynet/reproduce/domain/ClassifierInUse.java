package io.complexitynet.reproduce.domain;

/** Which promoted model the router classifies with, as one Classify call found out: a model, or none yet and the router's reason. */
public sealed interface ClassifierInUse {

    /** The router decides with this model. */
    record Model(String modelId) implements ClassifierInUse {
    }

    /** The router has no model loaded yet, in its own words. */
    record None(String reason) implements ClassifierInUse {
    }
}
