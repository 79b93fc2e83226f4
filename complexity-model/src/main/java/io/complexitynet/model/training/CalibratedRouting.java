package io.complexitynet.model.training;

import io.complexitynet.core.routing.CalibratedThreshold;
import io.complexitynet.core.routing.RoutingOutcome;

/**
 * The threshold policy at a threshold chosen for a target on the validation split, and what it did on
 * the test split.
 *
 * @param cascade whether requests escalate to the next model on failure (the threshold was then chosen
 *     on the validation cascade too)
 */
public record CalibratedRouting(boolean cascade, CalibratedThreshold validation, RoutingOutcome test) {
}
