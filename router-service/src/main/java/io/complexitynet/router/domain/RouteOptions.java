package io.complexitynet.router.domain;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one request asks of the decision and the cascade; anything empty falls back to the tenant's policy.
 * {@code ladderModel}: the request named a model of the ladder, and gets that one only.
 */
public record RouteOptions(Optional<RoutingMode> mode, OptionalDouble threshold, Optional<String> maxModel,
                           OptionalInt triesPerModel, Optional<String> ladderModel) {

    public RouteOptions(Optional<RoutingMode> mode, OptionalDouble threshold, Optional<String> maxModel) {
        this(mode, threshold, maxModel, OptionalInt.empty(), Optional.empty());
    }

    public static RouteOptions none() {
        return new RouteOptions(Optional.empty(), OptionalDouble.empty(), Optional.empty());
    }

    /** The request's tries per model, else the tenant's. */
    public int triesPerModel(TenantPolicy policy) {
        return triesPerModel.orElse(policy.triesPerModel());
    }
}
