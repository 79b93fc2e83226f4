package io.complexitynet.model.training;

import io.complexitynet.core.routing.RoutingOutcome;

/**
 * The cascade on the test split when each model may answer up to {@code triesPerModel} times before the next is asked:
 * from the cheapest model (tests alone), and from the threshold calibrated for escalation.
 */
public record TriesPerModelOutcome(int triesPerModel, RoutingOutcome cheapestFirst, RoutingOutcome calibratedCascade) {
}
