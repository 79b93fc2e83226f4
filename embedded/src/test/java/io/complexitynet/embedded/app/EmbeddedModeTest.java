package io.complexitynet.embedded.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.proto.v1.ClassifyRequest;
import io.complexitynet.proto.v1.ClassifyResponse;
import io.complexitynet.proto.v1.Dataset;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.GetTrainingJobRequest;
import io.complexitynet.proto.v1.GetUsageRequest;
import io.complexitynet.proto.v1.GetUsageResponse;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.PromoteModelRequest;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The embedded mode as a newcomer meets it: one JVM, no token, H2, in-process queues, the real bubblewrap sandbox and
 * the replay backend. The whole of MBPP is labelled (every recorded answer re-verified through the in-process
 * verification queues), a model trained and promoted, a request routed, verified and escalated, and one sent as an
 * OpenAI SDK would send it to {@code /v1} on the same port.
 */
@QuarkusTest
class EmbeddedModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = Path.of(System.getProperty("complexitynet.data.dir"), "mbpp");

    @GrpcClient("labeler")
    LabelerGrpc.LabelerBlockingStub labeler;

    @GrpcClient("trainer")
    TrainerGrpc.TrainerBlockingStub trainer;

    @GrpcClient("router")
    RouterGrpc.RouterBlockingStub router;

    @TestHTTPResource("/v1/")
    URI openAi;

    @Test
    void labelsTrainsPromotesAndRoutesInOneJvmWithoutAToken() {
        Dataset dataset = labeler.importDataset(ImportDatasetRequest.newBuilder().setName("mbpp")
                .setPath(DATA.resolve("mbpp.jsonl").toString()).build());
        assertEquals(974, dataset.getTasks());

        LabelingJob started = labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("mbpp").build());
        LabelingJob labelled = await(Duration.ofMinutes(5), () -> labeler.getJob(GetJobRequest.newBuilder()
                .setJobId(started.getJobId()).build()), job -> job.getState() != JobState.JOB_STATE_RUNNING);
        assertEquals(JobState.JOB_STATE_COMPLETED, labelled.getState(), labelled::toString);
        // Task 440 has no recorded GPT answers: it is parked, every other task is labelled from verified samples.
        assertEquals(973, labelled.getTasksDone());
        assertEquals(1, labelled.getParkedCount());
        assertEquals(3 * 973, labelled.getSamplesVerified());

        TrainingJob training = trainer.startTraining(StartTrainingRequest.newBuilder().setLabelingJobId(started.getJobId()).build());
        TrainingJob trained = await(Duration.ofMinutes(3), () -> trainer.getJob(GetTrainingJobRequest.newBuilder()
                .setJobId(training.getJobId()).build()), job -> job.getState() != TrainingState.TRAINING_STATE_RUNNING);
        assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, trained.getState(), trained::toString);

        ModelInfo promoted = trainer.promoteModel(PromoteModelRequest.newBuilder().setModelId(trained.getModelId()).build());
        assertTrue(promoted.getPromoted());

        // The router hears of the promotion through the in-process model-promoted exchange and swaps its classifier in.
        MbppTask task = MbppReader.read(DATA.resolve("mbpp.jsonl")).stream().filter(mbpp -> mbpp.taskId() == 21).findFirst().orElseThrow();
        ClassifyResponse classified = await(Duration.ofSeconds(60), () -> classifyOrUnavailable(task),
                response -> response != null);
        assertEquals(trained.getModelId(), classified.getDecision().getClassifierModelId());

        // Task 21: Code Llama's recorded answer fails its tests and GPT-3.5's passes, so the cascade steps up once.
        RouteResponse routed = router.route(RouteRequest.newBuilder().setPrompt(task.text()).setSetupCode(task.setupCode()).addAllTests(task.tests())
                .setPolicy("expected-cost").setQualityTarget(0.01).setMaxModel("gpt-3.5-turbo-1106").build());
        assertEquals("gpt-3.5-turbo-1106", routed.getModel());
        assertEquals("PASSED", routed.getVerdict());
        assertEquals(2, routed.getAttemptsCount());

        GetUsageResponse usage = router.getUsage(GetUsageRequest.getDefaultInstance());
        assertEquals("local", usage.getTenant());
        assertEquals(routed.getCostUnits(), usage.getPeriodCostUnits(), 1e-9);

        // The OpenAI-compatible front door on the same port, without a token: Code Llama's answer to task 21, charged.
        HttpResponse<String> models = send(HttpRequest.newBuilder(openAi.resolve("models")).GET());
        assertEquals(200, models.statusCode(), models::body);
        assertTrue(models.body().contains("\"complexitynet/cheapest-first\""), models::body);
        HttpResponse<String> completion = send(HttpRequest.newBuilder(openAi.resolve("chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode()
                        .put("model", "codellama-7b-python").set("messages", JSON.createArrayNode().add(JSON.createObjectNode()
                                .put("role", "user").put("content", task.text()))).toString())));
        assertEquals(200, completion.statusCode(), completion::body);
        JsonNode answered = readTree(completion.body());
        assertEquals("chat.completion", answered.path("object").asText());
        assertEquals("codellama-7b-python", answered.path("model").asText());
        assertTrue(router.getUsage(GetUsageRequest.getDefaultInstance()).getPeriodCostUnits() > usage.getPeriodCostUnits(),
                "the HTTP request was not charged");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ClassifyResponse classifyOrUnavailable(MbppTask task) {
        try {
            return router.classify(ClassifyRequest.newBuilder().setPrompt(task.text()).addAllTests(task.tests()).build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
                return null;
            }
            throw e;
        }
    }

    private static <T> T await(Duration timeout, Supplier<T> poll, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = poll.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done after " + timeout + ": " + last);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = poll.get();
        }
        return last;
    }
}
