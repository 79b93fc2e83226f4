package io.complexitynet.router.grpc;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.proto.v1.ClassifyRequest;
import io.complexitynet.proto.v1.ClassifyResponse;
import io.complexitynet.proto.v1.GetUsageRequest;
import io.complexitynet.proto.v1.GetUsageResponse;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.router.application.RouteWorkflow;
import io.complexitynet.router.application.TenantPolicies;
import io.complexitynet.router.auth.CallerTenant;
import io.complexitynet.router.domain.RouteOptions;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.service.grpc.ServiceApis;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The Router gRPC API: the caller's tenant from its token, the request mapped to the workflow, the outcome mapped back. */
@GrpcService
@RolesAllowed(ServiceApis.ROUTER_ROLE)
public class RouterGrpcService implements io.complexitynet.proto.v1.Router {

    @Inject RouteWorkflow workflow;
    @Inject TenantPolicies policies;
    @Inject CallerTenant caller;
    @Inject RouterMapping mapping;

    @Override
    @Blocking
    public Uni<RouteResponse> route(RouteRequest request) {
        return ServiceApis.ROUTER.answer(() -> mapping.routed(workflow.route(new RouteWorkflow.Request(caller.get(), request.getPrompt(),
                request.getTestsList(), request.getExamplesList(), request.getSetupCode(), request.getProvidesList(), options(request.getPolicy(),
                request.getQualityTarget(), request.getMaxModel(), request.getTriesPerModel()), request.getNoEscalation()))));
    }

    @Override
    @Blocking
    public Uni<ClassifyResponse> classify(ClassifyRequest request) {
        return ServiceApis.ROUTER.answer(() -> mapping.classified(workflow.decide(new RouteWorkflow.Request(caller.get(), request.getPrompt(),
                request.getTestsList(), List.of(), "", List.of(), options(request.getPolicy(), request.getQualityTarget(), request.getMaxModel(), 0),
                false))));
    }

    @Override
    @Blocking
    public Uni<GetUsageResponse> getUsage(GetUsageRequest request) {
        return ServiceApis.ROUTER.answer(() -> mapping.usage(policies.usage(caller.get(),
                RouterMapping.date("from", request.getFrom()), RouterMapping.date("to", request.getTo()))));
    }

    private static RouteOptions options(String policy, double qualityTarget, String maxModel, int triesPerModel) {
        Optional<RoutingMode> mode;
        try {
            mode = policy.isBlank() ? Optional.empty() : Optional.of(RoutingMode.named(policy));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalidArgument("policy", e.getMessage());
        }
        return new RouteOptions(mode, qualityTarget == 0 ? OptionalDouble.empty() : OptionalDouble.of(qualityTarget),
                maxModel.isBlank() ? Optional.empty() : Optional.of(maxModel),
                triesPerModel == 0 ? OptionalInt.empty() : OptionalInt.of(triesPerModel), Optional.empty());
    }
}
