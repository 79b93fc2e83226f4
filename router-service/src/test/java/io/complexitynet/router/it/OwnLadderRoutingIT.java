package io.complexitynet.router.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.labelling.CheapestPassingRule;
import io.complexitynet.core.labelling.ComplexityLabel;
import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.DatasetReader;
import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.model.embedding.StaticMiniLmPromptEncoder;
import io.complexitynet.model.learning.AnswerScorer;
import io.complexitynet.proto.v1.Attempt;
import io.complexitynet.proto.v1.ClassifyRequest;
import io.complexitynet.proto.v1.GetUsageRequest;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.proto.v1.UsageRow;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.grpc.RouterAsTenants;
import io.complexitynet.testing.VerifierResource;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A router configured with a team's own four-model ladder (examples/: the team's tasks and synthetic recordings, three
 * samples per task and model, served in order) and a classifier of that ladder: every policy decides within the four
 * models, and with tests a model answers up to tries-per-model times before the cascade moves up, every answer charged.
 * An IT so it runs in a JVM of its own: one JVM loads the encoder's native tokenizer for one application only.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = VerifierResource.class, restrictToAnnotatedClass = true)
@TestProfile(OwnLadderRoutingIT.TeamLadder.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnLadderRoutingIT extends RouterAsTenants {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final List<PricedModel> LADDER = List.of(new PricedModel("tiny-coder", 1), new PricedModel("small-coder", 3),
            new PricedModel("mid-coder", 10), new PricedModel("large-coder", 30));

    public static class TeamLadder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            for (int i = 0; i < LADDER.size(); i++) {
                config.put("router.models[" + i + "].name", LADDER.get(i).name());
                config.put("router.models[" + i + "].backend", "replay");
                config.put("router.models[" + i + "].cost-units-per-1k", Double.toString(LADDER.get(i).costUnits()));
            }
            String recordings = EXAMPLES.resolve("team-tasks-recordings.jsonl").toString();
            String tasks = EXAMPLES.resolve("team-tasks.jsonl").toString();
            config.put("router.replay.file", recordings);
            config.put("%test.router.replay.file", recordings);
            config.put("router.replay.tasks", tasks);
            config.put("%test.router.replay.tasks", tasks);
            config.put("router.paper-policy", "model");
            return config;
        }
    }

    private static final Map<String, DatasetTask> TASKS = teamTasks();
    /** Bias -5, +10 when every example call returned a value, nothing else weighed: takes exactly the answers that did. */
    private static final AnswerScorer RETURNED_ONLY = new AnswerScorer(LADDER.size(),
            new double[] {-5, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0.5);

    private ManagedChannel channel;

    @BeforeAll
    void promoteAFourModelClassifier() {
        byte[] model = models.train(1, StaticMiniLmPromptEncoder.ID, fourModelLabels(), LADDER);
        models.promote("team-ladder-model", models.withAnswerScorer(model, RETURNED_ONLY));
        classifier.reload();
        channel = Bearer.channelTo(routerUrl);
        // globex (bob) routes cheapest first, unlimited, one answer per model unless a request or this policy says more.
        tenants.save(globex(1));
    }

    @AfterAll
    void disconnect() {
        tenants.save(globex(1));
        channel.shutdownNow();
    }

    private static TenantPolicy globex(int triesPerModel) {
        return new TenantPolicy("globex", Optional.empty(), Optional.empty(), RoutingMode.CHEAPEST_FIRST, 0.5, 0, BudgetPeriod.MONTH,
                false, false, triesPerModel);
    }

    private RouterGrpc.RouterBlockingStub bob() {
        return as(channel, KeycloakRealm.BOB);
    }

    private static RouteRequest.Builder withTests(String taskId) {
        DatasetTask task = TASKS.get(taskId);
        return RouteRequest.newBuilder().setPrompt(task.prompt()).setSetupCode(task.setupCode()).addAllTests(task.tests());
    }

    @Test
    void aFlakyModelGetsItsRetriesBeforeTheCascadeMovesUpAndEveryAnswerIsCharged() {
        double spentBefore = spent();
        // billing/cents, as recorded: tiny-coder fails all three samples; small-coder fails its first, passes its second.
        RouteResponse once = bob().route(withTests("billing/cents").build());
        assertEquals(List.of("tiny-coder#0", "small-coder#0", "mid-coder#0"), tried(once));
        assertEquals("mid-coder", once.getModel());
        assertEquals("PASSED", once.getVerdict());

        RouteResponse twice = bob().route(withTests("billing/cents").setTriesPerModel(2).build());
        assertEquals(List.of("tiny-coder#0", "tiny-coder#1", "small-coder#0", "small-coder#1"), tried(twice));
        assertEquals("small-coder", twice.getModel());
        assertEquals("PASSED", twice.getVerdict());

        tenants.save(globex(3));
        RouteResponse byPolicy = bob().route(withTests("billing/cents").build());
        assertEquals(List.of("tiny-coder#0", "tiny-coder#1", "tiny-coder#2", "small-coder#0", "small-coder#1"), tried(byPolicy),
                "the tenant's tries per model when the request names none");
        RouteResponse unescalated = bob().route(withTests("billing/cents").setNoEscalation(true).build());
        assertEquals(List.of("tiny-coder#0", "tiny-coder#1", "tiny-coder#2"), tried(unescalated));
        assertTrue(!"PASSED".equals(unescalated.getVerdict()), unescalated::toString);
        tenants.save(globex(1));

        List<RouteResponse> routed = List.of(once, twice, byPolicy, unescalated);
        for (RouteResponse response : routed) {
            for (Attempt attempt : response.getAttemptsList()) {
                double price = LADDER.stream().filter(model -> model.name().equals(attempt.getModel())).findFirst().orElseThrow().costUnits();
                assertEquals(price * (attempt.getPromptTokens() + attempt.getCompletionTokens()) / 1000.0, attempt.getCostUnits(), 1e-9,
                        "each answer is charged at its model's price");
                assertTrue(attempt.getCostUnits() > 0);
            }
            assertEquals(response.getAttemptsList().stream().mapToDouble(Attempt::getCostUnits).sum(), response.getCostUnits(), 1e-9);
        }
        assertEquals(routed.stream().mapToDouble(RouteResponse::getCostUnits).sum(), spent() - spentBefore, 1e-6,
                "the tenant's usage is exactly what the responses charged, retries included");
    }

    @Test
    void triesBeyondFiveAreRefusedNamingTheField() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> bob().route(withTests("billing/cents").setTriesPerModel(6).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains("tries_per_model"), refused.getStatus()::getDescription);
    }

    @Test
    void everyPolicyDecidesWithinTheFourModelLadder() {
        List<String> names = LADDER.stream().map(PricedModel::name).toList();
        for (String policy : List.of("paper", "expected-cost", "cheapest-first")) {
            for (DatasetTask task : TASKS.values()) {
                var decision = bob().classify(ClassifyRequest.newBuilder().setPrompt(task.prompt()).addAllTests(task.tests())
                        .setPolicy(policy).build()).getDecision();
                assertEquals(names, decision.getProbabilitiesList().stream().map(p -> p.getModel()).toList(), policy);
                assertTrue(names.contains(decision.getModel()), policy + ": " + decision.getModel());
            }
        }
        // Every task but the one no model solves is answered and verified, within the ladder and the request's maximum.
        for (DatasetTask task : TASKS.values()) {
            RouteResponse response = bob().route(withTests(task.sourceId()).setPolicy("paper").setMaxModel("large-coder").build());
            assertTrue(names.contains(response.getModel()), response::toString);
            assertEquals(!task.sourceId().equals("config/deep-merge"), "PASSED".equals(response.getVerdict()), task.sourceId());
        }
        RouteResponse capped = bob().route(withTests("logs/top-paths").setMaxModel("mid-coder").build());
        assertEquals(List.of("tiny-coder", "small-coder", "mid-coder"), capped.getAttemptsList().stream().map(Attempt::getModel).toList());
    }

    /** The task's prompt under the scored cascade, its tests sent only as examples: nothing is verified. */
    private static RouteRequest.Builder scored(String taskId) {
        DatasetTask task = TASKS.get(taskId);
        return RouteRequest.newBuilder().setPrompt(task.prompt()).addAllExamples(task.tests()).setPolicy("scored-cascade");
    }

    @Test
    void underTheScoredCascadeASecondAnswerIsTakenOnlyWhenItAgreesWithTheFirst() {
        // billing/refund: tiny-coder's first two samples are the same right answer, so they agree and the second is taken.
        RouteResponse agreed = bob().route(scored("billing/refund").setTriesPerModel(2).build());
        assertEquals(List.of("tiny-coder#0", "tiny-coder#1"), tried(agreed));
        assertEquals("", agreed.getAttempts(0).getProbe().getAgreement());
        assertEquals("AGREED", agreed.getAttempts(1).getProbe().getAgreement());
        assertTrue(agreed.getAttempts(1).getProbe().getAccepted());
        assertEquals("tiny-coder", agreed.getModel());
        assertEquals("", agreed.getVerdict(), "no tests, nothing verified");
        assertEquals(agreed.getAttempts(0).getCostUnits() + agreed.getAttempts(1).getCostUnits(), agreed.getCostUnits(), 1e-9);

        // text/slug: tiny-coder's second sample is empty, so its first stays unconfirmed and small-coder answers twice alike.
        RouteResponse stepped = bob().route(scored("text/slug").setTriesPerModel(2).build());
        assertEquals(List.of("tiny-coder#0", "tiny-coder#1", "small-coder#0", "small-coder#1"), tried(stepped));
        assertEquals("AGREED", stepped.getAttempts(3).getProbe().getAgreement());
        assertEquals("small-coder", stepped.getModel());

        RouteResponse once = bob().route(scored("billing/refund").build());
        assertEquals(List.of("tiny-coder#0"), tried(once), "one try per model (globex's policy): no second answer");
    }

    private static List<String> tried(RouteResponse response) {
        return response.getAttemptsList().stream().map(attempt -> attempt.getModel() + "#" + attempt.getSample()).toList();
    }

    private double spent() {
        return bob().getUsage(GetUsageRequest.getDefaultInstance()).getRowsList().stream().mapToDouble(UsageRow::getCostUnits).sum();
    }

    /**
     * MBPP's recorded outcomes recast onto four models (the middle two both GPT-3.5's), labelled cheapest-passing:
     * a classifier of this ladder, whatever its quality, for the router to load.
     */
    private static List<LabelledTask> fourModelLabels() {
        CheapestPassingRule rule = new CheapestPassingRule(LADDER.size());
        List<LabelledTask> labels = new ArrayList<>();
        for (LabelledTask task : RecordedMbppLabels.all()) {
            List<ModelPasses> recorded = task.passes();
            List<ModelPasses> passes = List.of(recast(recorded.get(0), 0), recast(recorded.get(1), 1), recast(recorded.get(1), 2),
                    recast(recorded.get(2), 3));
            ComplexityLabel label = rule.label(passes);
            labels.add(new LabelledTask(task.sourceId(), task.prompt(), label.solved() ? label.complexity().getAsInt() : null, passes));
        }
        return labels;
    }

    private static ModelPasses recast(ModelPasses passes, int model) {
        return new ModelPasses(LADDER.get(model).name(), passes.passes(), passes.tries());
    }

    private static Map<String, DatasetTask> teamTasks() {
        try (Reader in = Files.newBufferedReader(EXAMPLES.resolve("team-tasks.jsonl"))) {
            return DatasetReader.read(in, Optional.empty()).tasks().stream()
                    .collect(Collectors.toMap(DatasetTask::sourceId, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
