package io.complexitynet.core.routing;

/** The fraction of requests that called one ladder model. */
public record ModelShare(String model, double share) {
}
