package io.complexitynet.router.domain;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** What one request asks of the decision and the cascade; anything empty falls back to the tenant's policy. */
public record RouteOptions(Optional<RoutingMode> mode, OptionalDouble threshold, Optional<String> maxModel,
                           OptionalInt triesPerModel) {

    public RouteOptions(Optional<RoutingMode> mode, OptionalDouble threshold, Optional<String> maxModel) {
        this(mode, threshold, maxModel, OptionalInt.empty());
    }

    public static RouteOptions none() {
        return new RouteOptions(Optional.empty(), OptionalDouble.empty(), Optional.empty());
    }

    /** The request's tries per model, else the tenant's. */
    public int triesPerModel(TenantPolicy policy) {
        return triesPerModel.orElse(policy.triesPerModel());
    }
}
