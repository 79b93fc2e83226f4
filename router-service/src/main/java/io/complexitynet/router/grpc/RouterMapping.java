package io.complexitynet.router.grpc;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.proto.v1.AnswerProbeResult;
import io.complexitynet.proto.v1.Attempt;
import io.complexitynet.proto.v1.ClassifyResponse;
import io.complexitynet.proto.v1.Decision;
import io.complexitynet.proto.v1.GetUsageResponse;
import io.complexitynet.proto.v1.LatencyBreakdown;
import io.complexitynet.proto.v1.ModelProbability;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.proto.v1.UsageRow;
import io.complexitynet.router.application.RouteWorkflow;
import io.complexitynet.router.application.TenantPolicies;
import io.complexitynet.router.backend.RouterLadder;
import io.complexitynet.router.domain.Cascade;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.persistence.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The workflow's outcomes as the Router API's messages. */
@ApplicationScoped
class RouterMapping {

    private static final double NANOS_PER_MILLI = 1e6;

    private final List<PricedModel> ladder;

    RouterMapping(RouterLadder ladder) {
        this.ladder = ladder.ladder();
    }

    /** A request's optional date field: empty when not given, refused naming the field when not yyyy-mm-dd. */
    static Optional<LocalDate> date(String field, String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw RequestRefused.invalidArgument(field, "'" + text + "' is not a date (yyyy-mm-dd)");
        }
    }

    Decision decision(RouteWorkflow.Decided decided) {
        io.complexitynet.router.domain.Decision decision = decided.decision();
        Decision.Builder message = Decision.newBuilder().setModel(ladder.get(decision.first()).name()).setReason(decision.reason())
                .setClassifierModelId(decided.classifier().id()).setClassifierVersion(decided.classifier().version());
        decision.prediction().complexity().ifPresent(message::setComplexity);
        double[] probabilities = decision.prediction().passProbabilities();
        for (int i = 0; i < probabilities.length; i++) {
            message.addProbabilities(ModelProbability.newBuilder().setModel(ladder.get(i).name()).setPassProbability(probabilities[i]));
        }
        return message.build();
    }

    ClassifyResponse classified(RouteWorkflow.Decided decided) {
        return ClassifyResponse.newBuilder().setDecision(decision(decided)).setDecisionMillis(decided.decisionNanos() / NANOS_PER_MILLI)
                .build();
    }

    RouteResponse routed(RouteWorkflow.Routed routed) {
        Cascade.Attempt answer = routed.outcome().answer().orElseThrow();
        RouteResponse.Builder response = RouteResponse.newBuilder().setCode(answer.generated().orElseThrow().code())
                .setModel(answer.model().name()).setDecision(decision(routed.decided()))
                .setVerdict(answer.verdict());
        int promptTokens = 0;
        int completionTokens = 0;
        double cost = 0;
        for (Cascade.Attempt attempt : routed.outcome().attempts()) {
            Attempt.Builder message = Attempt.newBuilder().setModel(attempt.model().name()).setSample(attempt.sample())
                    .setCostUnits(attempt.costUnits())
                    .setVerdict(attempt.verdict());
            attempt.generated().ifPresent(g -> message.setPromptTokens(g.promptTokens()).setCompletionTokens(g.completionTokens())
                    .setGenerationMillis(g.millis()));
            attempt.checked().ifPresent(c -> message.setVerificationMillis(c.millis()));
            attempt.judged().ifPresent(judged -> message.setProbe(AnswerProbeResult.newBuilder().setOutcome(judged.probe().kind().name())
                    .setCalls(judged.probe().calls()).setCallsReturned(judged.probe().callsReturned()).setScore(judged.score())
                    .setAccepted(judged.accepted()).setProbeMillis(judged.millis()).setAgreement(judged.agreementWord())));
            response.addAttempts(message);
            promptTokens += message.getPromptTokens();
            completionTokens += message.getCompletionTokens();
            cost += attempt.costUnits();
        }
        double decision = routed.decided().decisionNanos() / NANOS_PER_MILLI;
        double generation = routed.generationNanos() / NANOS_PER_MILLI;
        double verification = routed.verificationNanos() / NANOS_PER_MILLI;
        double probe = routed.probeNanos() / NANOS_PER_MILLI;
        return response.setPromptTokens(promptTokens).setCompletionTokens(completionTokens).setCostUnits(cost)
                .setLatency(LatencyBreakdown.newBuilder().setDecisionMillis(decision).setGenerationMillis(generation)
                        .setVerificationMillis(verification).setProbeMillis(probe).setTotalMillis(decision + generation + verification + probe))
                .build();
    }

    GetUsageResponse usage(TenantPolicies.Usage usage) {
        TenantPolicy policy = usage.policy();
        GetUsageResponse.Builder response = GetUsageResponse.newBuilder().setTenant(policy.tenant())
                .setPeriodCostUnits(usage.periodCostUnits()).setPeriodBudget(policy.budgetCostUnits())
                .setPeriod(policy.budgetPeriod().name() + " from " + usage.periodStart());
        for (TenantStore.UsageRow row : usage.rows()) {
            response.addRows(UsageRow.newBuilder().setDay(row.day().toString()).setModel(row.model()).setRequests(row.requests())
                    .setPromptTokens(row.promptTokens()).setCompletionTokens(row.completionTokens()).setCostUnits(row.costUnits()));
        }
        return response.build();
    }
}
