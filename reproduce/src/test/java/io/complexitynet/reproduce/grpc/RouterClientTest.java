package io.complexitynet.reproduce.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.proto.v1.AnswerProbeResult;
import io.complexitynet.proto.v1.Attempt;
import io.complexitynet.proto.v1.ClassifyResponse;
import io.complexitynet.proto.v1.Decision;
import io.complexitynet.proto.v1.ModelProbability;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.reproduce.domain.RouteOptions;
import io.complexitynet.reproduce.domain.RoutedRequest;
import io.complexitynet.reproduce.domain.ScoredRequest;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RouterClientTest {

    private static final DatasetTask TASK = new DatasetTask("11", "Write a function to add two numbers.", "import math",
            List.of("assert add(1, 2) == 3"), "def add(a, b):\n    return a + b");

    private static RouteRequest.Builder plain() {
        return RouteRequest.newBuilder().setPrompt(TASK.prompt()).setSetupCode("import math").addTests("assert add(1, 2) == 3");
    }

    private static Attempt attempt(String model, String verdict) {
        return Attempt.newBuilder().setModel(model).setVerdict(verdict).build();
    }

    @Test
    void aRequestCarriesTheTaskAndOnlyTheOptionsSetOnTopOfThePolicy() {
        RouteRequest request = RouterClient.routeRequest(TASK, RouteOptions.policy("paper").withoutEscalation());
        assertEquals(plain().addAllProvides(request.getProvidesList()).setPolicy("paper").setNoEscalation(true).build(), request);
        assertEquals(plain().addAllProvides(request.getProvidesList()).setPolicy("expected-cost").setQualityTarget(0.62).build(),
                RouterClient.routeRequest(TASK, RouteOptions.policy("expected-cost").withQualityTarget(0.62)));
        assertEquals(plain().addAllProvides(request.getProvidesList()).setPolicy("cheapest-first").setMaxModel("middle").build(),
                RouterClient.routeRequest(TASK, RouteOptions.policy("cheapest-first").upTo("middle")));
    }

    @Test
    void onlyModelsThatAnsweredCountAsCalled() {
        RouteResponse response = RouteResponse.newBuilder().setVerdict("PASSED").setCostUnits(1.5).addAttempts(attempt("small", "FAILED"))
                .addAttempts(attempt("middle", "NO_ANSWER")).addAttempts(attempt("unverified", "")).addAttempts(attempt("large", "PASSED"))
                .build();
        assertEquals(RoutedRequest.answered("11", true, 1.5, List.of("small", "large")), RouterClient.routed("11", response));
    }

    @Test
    void aVerdictOtherThanPassedIsAFailure() {
        RouteResponse response = RouteResponse.newBuilder().setVerdict("FAILED").addAttempts(attempt("small", "FAILED")).build();
        assertEquals(RoutedRequest.answered("11", false, 0, List.of("small")), RouterClient.routed("11", response));
    }

    @Test
    void aScoredRequestCarriesNoTestsOrSetupOnlyTheExamplesAndThePolicy() {
        assertEquals(RouteRequest.newBuilder().setPrompt(TASK.prompt()).addExamples("assert add(1, 2) == 3").setPolicy("scored-cascade").build(),
                RouterClient.scoredRequest(TASK, TASK.tests()));
    }

    @Test
    void aScoredResponseKeepsTheAnsweringModelEveryModelThatAnsweredAndEachProbedAnswersFate() {
        RouteResponse response = RouteResponse.newBuilder().setModel("large").setCostUnits(2.5)
                .addAttempts(attempt("small", "").toBuilder().setProbe(AnswerProbeResult.newBuilder().setOutcome("RAISED").setAccepted(false)))
                .addAttempts(attempt("middle", "NO_ANSWER")).addAttempts(attempt("large", "")).build();
        assertEquals(ScoredRequest.answered("11", "large", 2.5, List.of("small", "large"), List.of(new ScoredRequest.ProbedAnswer("small", false))),
                RouterClient.scored("11", response));
    }

    @Test
    void aPredictionIsTheComplexityAndEveryModelsPassProbabilityInLadderOrder() {
        Prediction prediction = RouterClient.prediction(ClassifyResponse.newBuilder().setDecision(Decision.newBuilder().setComplexity(3)
                .addProbabilities(ModelProbability.newBuilder().setModel("small").setPassProbability(0.2))
                .addProbabilities(ModelProbability.newBuilder().setModel("large").setPassProbability(0.9))).build());
        assertEquals(OptionalInt.of(3), prediction.complexity());
        assertArrayEquals(new double[] {0.2, 0.9}, prediction.passProbabilities(), 1e-12);
    }
}
