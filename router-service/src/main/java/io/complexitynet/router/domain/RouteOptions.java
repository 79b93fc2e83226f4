package io.complexitynet.router.domain;

import java.util.Optional;
import java.util.OptionalDouble;

/** What one request asks of the decision; anything empty falls back to the tenant's policy. */
public record RouteOptions(Optional<RoutingMode> mode, OptionalDouble threshold, Optional<String> maxModel) {

    public static RouteOptions none() {
        return new RouteOptions(Optional.empty(), OptionalDouble.empty(), Optional.empty());
    }
}
