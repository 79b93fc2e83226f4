package io.complexitynet.reproduce.workflow;

import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.task.ProvidedNames;
import io.complexitynet.proto.v1.Attempt;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.reproduce.domain.RoutedRequest;
import io.complexitynet.reproduce.domain.RoutedRun;
import io.complexitynet.reproduce.grpc.ServiceCall;
import io.complexitynet.reproduce.grpc.ServiceConnections;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Sends every task to Router.Route with its tests under one policy, a few requests in flight at once, and
 * keeps what each response says: the verdict, the router's bill and the models that answered.
 */
final class RoutedRunner {

    // More refusals than this share means something systematic (a bad option, a broken deployment), not a task's quirk.
    private static final double MAX_REFUSED_SHARE = 0.2;

    private final ServiceConnections services;
    private final int concurrency;
    private final Progress progress;

    RoutedRunner(ServiceConnections services, int concurrency, Progress progress) {
        this.services = services;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    RoutedRun run(String policy, List<MbppTask> tasks, UnaryOperator<RouteRequest.Builder> options) {
        progress.step("routing " + tasks.size() + " test tasks: " + policy);
        RoutedRun run = new RoutedRun(policy, InParallel.map(tasks, concurrency, task -> route(task, options), progress,
                "routed (" + policy + ")"));
        List<RoutedRequest> refused = run.refused();
        if (refused.size() > MAX_REFUSED_SHARE * tasks.size()) {
            throw new ReproductionFailed("the router refused " + refused.size() + " of " + tasks.size() + " requests ("
                    + policy + "), e.g. task " + refused.get(0).taskId() + ": " + refused.get(0).refusal().orElseThrow());
        }
        progress.step(String.format(Locale.ROOT, "%s: %.1f%% passed, %d escalated, %d refused by the router", policy,
                100 * run.passRate(), run.escalated(), refused.size()));
        return run;
    }

    private RoutedRequest route(MbppTask task, UnaryOperator<RouteRequest.Builder> options) {
        RouteRequest request = options.apply(RouteRequest.newBuilder().setPrompt(task.text()).setSetupCode(task.setupCode())
                .addAllTests(task.tests()).addAllProvides(ProvidedNames.definedBy(task.referenceCode()))).build();
        try {
            RouteResponse response = services.router().route(request);
            // NO_ANSWER: that model's backend failed and the router stepped over it; nothing was generated or billed.
            List<String> called = response.getAttemptsList().stream()
                    .filter(attempt -> !attempt.getVerdict().isEmpty() && !attempt.getVerdict().equals("NO_ANSWER"))
                    .map(Attempt::getModel).toList();
            return RoutedRequest.answered(task.taskId(), response.getVerdict().equals("PASSED"), response.getCostUnits(), called);
        } catch (StatusRuntimeException e) {
            // The router refusing one task (no model could answer it, an answer the verifier would not take) fails that task;
            // anything else (unreachable, a token refused, a budget spent) ends the run.
            Status.Code code = e.getStatus().getCode();
            if ((code == Status.Code.UNAVAILABLE || code == Status.Code.INVALID_ARGUMENT) && !ServiceCall.unreachable(e)) {
                return RoutedRequest.refused(task.taskId(), code + ": " + e.getStatus().getDescription());
            }
            throw services.routerCall().failure("Route", e);
        }
    }
}
