package io.complexitynet.router.domain;

import io.complexitynet.core.routing.Prediction;
import java.util.List;

/**
 * Which model to try first and, if the answer fails its tests, which to step up to, with the reason
 * in words.
 *
 * @param ladder indexes into the ladder this request may use, cheapest first; {@code ladder.get(0)} is
 *     the first model tried
 */
public record Decision(Prediction prediction, RoutingMode mode, double threshold, List<Integer> ladder, String reason) {

    public Decision {
        ladder = List.copyOf(ladder);
        if (ladder.isEmpty()) {
            throw new IllegalArgumentException("a decision needs a model to try");
        }
    }

    public int first() {
        return ladder.get(0);
    }
}
