package io.complexitynet.core.routing;

import java.util.Locale;

/**
 * The cost/quality knob: the cheapest model whose predicted pass probability reaches {@code threshold};
 * when none does, the model most likely to pass (the cheaper one on a tie). Threshold 0 always sends to
 * the cheapest model; a threshold above every prediction sends each request to its most likely model.
 */
public record ThresholdPolicy(double threshold, int ladderSize) implements RoutingPolicy {

    public ThresholdPolicy {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold must be in [0, 1], was " + threshold);
        }
        if (ladderSize < 1) {
            throw new IllegalArgumentException("the ladder needs at least one model, was " + ladderSize);
        }
    }

    @Override
    public int choose(Prediction prediction) {
        if (prediction.models() != ladderSize) {
            throw new IllegalArgumentException("the threshold policy needs a pass probability for each of the "
                    + ladderSize + " ladder models, the prediction has " + prediction.models());
        }
        int mostLikely = 0;
        for (int model = 0; model < ladderSize; model++) {
            double probability = prediction.passProbability(model);
            if (probability >= threshold) {
                return model;
            }
            if (probability > prediction.passProbability(mostLikely)) {
                mostLikely = model;
            }
        }
        return mostLikely;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT,
                "threshold %.3f: cheapest model with predicted pass >= %.3f, else the most likely to pass",
                threshold, threshold);
    }

    @Override
    public String explain(Prediction prediction) {
        int model = choose(prediction);
        double probability = prediction.passProbability(model);
        if (probability >= threshold) {
            return String.format(Locale.ROOT, "model %d is the cheapest with predicted pass >= %.3f (%.3f)",
                    model, threshold, probability);
        }
        return String.format(Locale.ROOT, "no model reaches predicted pass %.3f; model %d is the most likely to pass (%.3f)",
                threshold, model, probability);
    }
}
