package io.complexitynet.core.routing;

/** A baseline that sends every request to the same model, whatever the prediction. */
public record FixedPolicy(int model) implements RoutingPolicy {

    public FixedPolicy {
        if (model < 0) {
            throw new IllegalArgumentException("a ladder index is never negative, was " + model);
        }
    }

    @Override
    public int choose(Prediction prediction) {
        return model;
    }

    @Override
    public String describe() {
        return "always model " + model;
    }

    @Override
    public String explain(Prediction prediction) {
        return describe();
    }
}
