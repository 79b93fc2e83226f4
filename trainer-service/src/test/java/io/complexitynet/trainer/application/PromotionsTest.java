package io.complexitynet.trainer.application;

import static io.complexitynet.trainer.testing.RecordedLabelingJob.MBPP_JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.testing.ExchangeListener;
import io.complexitynet.database.training.ModelPromotionEntity;
import io.complexitynet.proto.v1.GetModelRequest;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.ModelPromoted;
import io.complexitynet.proto.v1.PromoteModelRequest;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.trainer.testing.CapturedLog;
import io.complexitynet.trainer.testing.JobEnd;
import io.complexitynet.trainer.testing.TrainerAsAdmin;
import io.complexitynet.trainer.testing.TrainerTables;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A trainer that promotes by its policy (one point of validation pass rate, no higher cost), for new
 * models and for PromoteModel alike: trained twice on the same labels with the same seed, the first
 * model is promoted by the policy and the second, no better, is not.
 */
@QuarkusTest
@TestProfile(PromotionsTest.PolicyEverywhere.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionsTest extends TrainerAsAdmin {

    public static class PolicyEverywhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trainer.promotion.automatic", "true", "trainer.promotion.min-pass-rate-gain", "1.0",
                    "trainer.promotion.enforce-on-manual", "true");
        }
    }

    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);
    /** Two of the dispatcher's rounds (trainer.jobs.dispatch-interval, 2 s) and more: a late repeat would show. */
    private static final long QUIET_SECONDS = 5;

    @Inject
    TrainerTables tables;

    private TrainingJob first;
    private TrainingJob second;
    private final List<ModelPromoted> events = new ArrayList<>();
    private String refusalLine;

    @BeforeAll
    void trainTwiceOnTheSameLabels() throws Exception {
        recorded.storeMbpp();
        try (ExchangeListener<ModelPromoted> promoted = new ExchangeListener<>("complexitynet.model-promoted", ModelPromoted::parseFrom);
             CapturedLog log = new CapturedLog("io.complexitynet.trainer")) {
            first = train();
            // The policy promotes after the job is stored as succeeded; the event says it is done.
            ModelPromoted firstEvent = promoted.next(this::ofOurModels, 30);
            if (firstEvent != null) {
                events.add(firstEvent);
            }
            second = train();
            refusalLine = log.await("model_id=" + second.getModelId() + " not promoted automatically", Duration.ofSeconds(30))
                    .orElse("");
            for (ModelPromoted more = promoted.next(this::ofOurModels, QUIET_SECONDS); more != null;
                 more = promoted.next(this::ofOurModels, QUIET_SECONDS)) {
                events.add(more);
            }
        }
    }

    private TrainingJob train() throws InterruptedException {
        TrainingJob started = trainer.startTraining(StartTrainingRequest.newBuilder().setLabelingJobId(MBPP_JOB).setSeed(7).build());
        TrainingJob ended = JobEnd.await(trainer, started.getJobId(), TRAINING_LIMIT);
        assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, ended.getState(), ended.getFailureReason());
        return ended;
    }

    private boolean ofOurModels(ModelPromoted event) {
        return event.getModelId().equals(first.getModelId()) || second != null && event.getModelId().equals(second.getModelId());
    }

    private ModelInfo model(String id) {
        return trainer.getModel(GetModelRequest.newBuilder().setModelId(id).build());
    }

    @Test
    void theFirstModelIsPromotedByThePolicy() {
        ModelInfo promoted = model("promoted");
        assertEquals(first.getModelId(), promoted.getModelId());
        assertTrue(promoted.getPromoted());
        assertFalse(promoted.getPromotedAt().isEmpty());
        List<ModelPromotionEntity> promotions = tables.promotions();
        assertEquals(1, promotions.size());
        assertEquals(first.getModelId(), promotions.get(0).modelId);
        assertEquals("promotion-policy", promotions.get(0).promotedBy);
    }

    @Test
    void anEquallyGoodModelIsStoredButNotPromotedAndTheLogSaysWhy() {
        assertEquals(first.getMetrics().getValidationPassRate(), second.getMetrics().getValidationPassRate());
        ModelInfo model = model(second.getModelId());
        assertFalse(model.getPromoted());
        assertEquals("", model.getPromotedAt());
        assertTrue(tables.promotions().stream().noneMatch(p -> p.modelId.equals(second.getModelId())));
        assertTrue(refusalLine.contains("is +0.0 points from the promoted model's"), refusalLine);
        assertTrue(refusalLine.endsWith("the policy asks for at least +1.0"), refusalLine);
    }

    @Test
    void exactlyOneModelPromotedEventIsPublished() {
        assertEquals(1, events.size(), events.toString());
        ModelPromoted event = events.get(0);
        assertEquals(first.getModelId(), event.getModelId());
        assertEquals(model(first.getModelId()).getVersion(), event.getModelVersion());
        assertEquals("promotion-policy", event.getPromotedBy());
    }

    @Test
    void promotingByHandAModelThatDoesNotBeatThePromotedOneIsRefusedNamingThePolicy() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> trainer.promoteModel(
                PromoteModelRequest.newBuilder().setModelId(second.getModelId()).setPromotedBy("release-manager").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        String reason = refused.getStatus().getDescription();
        assertTrue(reason.startsWith("model " + second.getModelId() + " does not meet the promotion policy: validation pass rate"),
                reason);
        assertTrue(reason.endsWith("the policy asks for at least +1.0"), reason);
        assertEquals(first.getModelId(), model("promoted").getModelId());
    }
}
