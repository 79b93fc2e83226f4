package io.complexitynet.core.routing;

/**
 * Turns the classifier's prediction for a request into the ladder index (0 = cheapest) of the model that
 * should answer it.
 */
public interface RoutingPolicy {

    /** The ladder index of the model to send the request to. */
    int choose(Prediction prediction);

    /** What the policy does, in one line, e.g. for a report or the router's configuration echo. */
    String describe();

    /** Why this prediction gets the model that {@link #choose} picks, in one line, for the router's answer. */
    String explain(Prediction prediction);
}
