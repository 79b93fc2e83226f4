package io.complexitynet.reproduce.grpc;

import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.core.task.ProvidedNames;
import io.complexitynet.proto.v1.Attempt;
import io.complexitynet.proto.v1.ClassifyRequest;
import io.complexitynet.proto.v1.ClassifyResponse;
import io.complexitynet.proto.v1.Decision;
import io.complexitynet.proto.v1.ModelProbability;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.reproduce.domain.ClassifierInUse;
import io.complexitynet.reproduce.domain.RouteOptions;
import io.complexitynet.reproduce.domain.RoutedRequest;
import io.complexitynet.reproduce.domain.ScoredRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The router's API as the reproduction calls it: Classify a task (no generation), Route it with its tests or by the
 * scored cascade without them, mapped to this module's records; a task the router refuses is a refused request, not the end of the run.
 */
public final class RouterClient {

    public static final String SCORED_CASCADE = "scored-cascade";

    private final ServiceConnections services;

    public RouterClient(ServiceConnections services) {
        this.services = services;
    }

    /** The router's prediction for the task under the paper policy: its complexity and each model's pass probability. */
    public Prediction classify(DatasetTask task) {
        return prediction(services.routerCall().call("Classify", () -> services.router().classify(classifyRequest(task))));
    }

    /** Which model the router classified {@code probe} with, or why it has none yet. */
    public ClassifierInUse classifierInUse(DatasetTask probe) {
        try {
            Decision decision = services.router().classify(classifyRequest(probe)).getDecision();
            return new ClassifierInUse.Model(decision.getClassifierModelId(),
                    decision.getProbabilitiesList().stream().map(ModelProbability::getModel).toList());
        } catch (StatusRuntimeException e) {
            // UNAVAILABLE from the router itself means no model is loaded yet; anything else ends the run.
            if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || ServiceCall.unreachable(e)) {
                throw services.routerCall().failure("Classify", e);
            }
            return new ClassifierInUse.None(String.valueOf(e.getStatus().getDescription()));
        }
    }

    public RoutedRequest route(DatasetTask task, RouteOptions options) {
        try {
            return routed(task.sourceId(), services.router().route(routeRequest(task, options)));
        } catch (StatusRuntimeException e) {
            // The router refusing one task (no model could answer it, an answer the verifier would not take) fails that task;
            // anything else (unreachable, a token refused, a budget spent) ends the run.
            Status.Code code = e.getStatus().getCode();
            if ((code == Status.Code.UNAVAILABLE || code == Status.Code.INVALID_ARGUMENT) && !ServiceCall.unreachable(e)) {
                return RoutedRequest.refused(task.sourceId(), code + ": " + e.getStatus().getDescription());
            }
            throw services.routerCall().failure("Route", e);
        }
    }

    /**
     * Routes the task by the scored cascade with no tests, {@code examples} as its example statements; empty when the
     * router refuses the policy because the promoted model has no answer scorer (FAILED_PRECONDITION).
     */
    public Optional<ScoredRequest> routeScored(DatasetTask task, List<String> examples) {
        try {
            return Optional.of(scored(task.sourceId(), services.router().route(scoredRequest(task, examples))));
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.FAILED_PRECONDITION) {
                return Optional.empty();
            }
            if ((code == Status.Code.UNAVAILABLE || code == Status.Code.INVALID_ARGUMENT) && !ServiceCall.unreachable(e)) {
                return Optional.of(ScoredRequest.refused(task.sourceId(), code + ": " + e.getStatus().getDescription()));
            }
            throw services.routerCall().failure("Route", e);
        }
    }

    private static ClassifyRequest classifyRequest(DatasetTask task) {
        return ClassifyRequest.newBuilder().setPrompt(task.prompt()).addAllTests(task.tests()).setPolicy("paper").build();
    }

    static Prediction prediction(ClassifyResponse response) {
        double[] probabilities = response.getDecision().getProbabilitiesList().stream().mapToDouble(ModelProbability::getPassProbability)
                .toArray();
        return new Prediction(OptionalInt.of(response.getDecision().getComplexity()), probabilities);
    }

    static RouteRequest routeRequest(DatasetTask task, RouteOptions options) {
        return RouteRequest.newBuilder().setPrompt(task.prompt()).setSetupCode(task.setupCode()).addAllTests(task.tests())
                .addAllProvides(ProvidedNames.definedBy(task.referenceCode())).setPolicy(options.policy())
                .setQualityTarget(options.qualityTarget()).setMaxModel(options.maxModel()).setNoEscalation(!options.escalate()).build();
    }

    /** No tests, no setup: the scored cascade runs only the examples' calls (and those in the prompt). */
    static RouteRequest scoredRequest(DatasetTask task, List<String> examples) {
        return RouteRequest.newBuilder().setPrompt(task.prompt()).addAllExamples(examples).setPolicy(SCORED_CASCADE).build();
    }

    static ScoredRequest scored(String taskId, RouteResponse response) {
        // Without tests an answered attempt has no verdict; NO_ANSWER: that model's backend failed and nothing was billed.
        List<Attempt> answered = response.getAttemptsList().stream().filter(attempt -> !attempt.getVerdict().equals("NO_ANSWER")).toList();
        List<ScoredRequest.ProbedAnswer> probed = answered.stream().filter(Attempt::hasProbe)
                .map(attempt -> new ScoredRequest.ProbedAnswer(attempt.getModel(), attempt.getProbe().getAccepted())).toList();
        return ScoredRequest.answered(taskId, response.getModel(), response.getCostUnits(), answered.stream().map(Attempt::getModel).toList(),
                probed);
    }

    static RoutedRequest routed(String taskId, RouteResponse response) {
        // NO_ANSWER: that model's backend failed and the router stepped over it; nothing was generated or billed.
        List<String> called = response.getAttemptsList().stream()
                .filter(attempt -> !attempt.getVerdict().isEmpty() && !attempt.getVerdict().equals("NO_ANSWER"))
                .map(Attempt::getModel).toList();
        return RoutedRequest.answered(taskId, response.getVerdict().equals("PASSED"), response.getCostUnits(), called);
    }
}
