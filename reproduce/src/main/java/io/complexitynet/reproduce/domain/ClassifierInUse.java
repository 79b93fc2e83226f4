package io.complexitynet.reproduce.domain;

import java.util.List;

/** Which promoted model the router classifies with, as one Classify call found out: a model, or none yet and the router's reason. */
public sealed interface ClassifierInUse {

    /** The router decides with this model, over this ladder of its own (model names, cheapest first). */
    record Model(String modelId, List<String> ladder) implements ClassifierInUse {

        public Model {
            ladder = List.copyOf(ladder);
        }
    }

    /** The router has no model loaded yet, in its own words. */
    record None(String reason) implements ClassifierInUse {
    }
}
