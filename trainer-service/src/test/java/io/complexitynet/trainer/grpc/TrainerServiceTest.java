package io.complexitynet.trainer.grpc;

import static io.complexitynet.trainer.testing.RecordedLabelingJob.MBPP_DATASET;
import static io.complexitynet.trainer.testing.RecordedLabelingJob.MBPP_JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.routing.Prediction;
import io.complexitynet.core.testing.ExchangeListener;
import io.complexitynet.proto.v1.GetModelRequest;
import io.complexitynet.proto.v1.GetTrainingJobRequest;
import io.complexitynet.proto.v1.ListModelsRequest;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.ModelPromoted;
import io.complexitynet.proto.v1.PromoteModelRequest;
import io.complexitynet.proto.v1.SplitParts;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.model.domain.ClassifierInput;
import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.learning.ComplexityModel;
import io.complexitynet.model.learning.ModelCodec;
import io.complexitynet.trainer.application.TrainingRun;
import io.complexitynet.trainer.persistence.ModelStore;
import io.complexitynet.trainer.testing.JobEnd;
import io.complexitynet.trainer.testing.TrainerAsAdmin;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Trainer API against real PostgreSQL and RabbitMQ: training from a completed labelling job in the
 * label database, the stored and versioned model, promotion with its event, refusals, and a job whose
 * request is delivered again after it finished.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainerServiceTest extends TrainerAsAdmin {

    @Inject
    TrainingRun run;

    @Inject
    ModelStore models;

    @Inject
    PromptEncoder encoder;

    @BeforeAll
    void storeLabels() throws Exception {
        recorded.storeMbpp();
        recorded.storeOneClass();
        recorded.store(FIVE_TASKS, "recorded-five-tasks", RecordedMbppLabels.records().subList(0, 5));
    }

    private static final String FIVE_TASKS = "five-tasks";

    private TrainingJob awaitEnd(TrainingJob job) throws InterruptedException {
        return JobEnd.await(trainer, job.getJobId(), Duration.ofMinutes(3));
    }

    @Test
    void trainsStoresPromotesAndAnnouncesAModel() throws Exception {
        TrainingJob job = awaitEnd(trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).setSeed(7)
                .setStartedBy("trainer-test").build()));
        assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, job.getState(), job.getFailureReason());
        assertEquals(1.0, job.getProgress());
        assertTrue(job.getMetrics().getAccuracy() > job.getMetrics().getMajorityAccuracy(),
                "model " + job.getMetrics().getAccuracy() + " vs majority " + job.getMetrics().getMajorityAccuracy());
        assertTrue(job.getMetrics().getCostCutVsLargest() > 0.5, "cost cut " + job.getMetrics().getCostCutVsLargest());
        assertTrue(job.getMetrics().getReportMarkdown().contains("TF-IDF"), job.getMetrics().getReportMarkdown());
        assertTrue(job.getMetrics().getReportMarkdown().contains("Retries before escalation")
                && job.getMetrics().getReportMarkdown().contains("| answers per model |"), job.getMetrics().getReportMarkdown());

        ModelInfo model = trainer.getModel(GetModelRequest.newBuilder().setModelId(job.getModelId()).setIncludeArtifact(true).build());
        assertEquals(MBPP_JOB, model.getLabelingJobId());
        assertEquals(MBPP_DATASET, model.getDataset());
        assertEquals("admin-ops", model.getCreatedBy());
        assertEquals(64, model.getDataFingerprint().length());
        assertTrue(model.getParametersJson().contains("\"seed\":7"), model.getParametersJson());
        assertEquals(List.of("codellama-7b-python", "gpt-3.5-turbo-1106", "gpt-4-1106-preview"), model.getLadderList());
        assertFalse(model.getPromoted());
        ComplexityModel loaded = ModelCodec.decode(model.getArtifact().toByteArray(), encoder);
        Prediction prediction = loaded.predict(ClassifierInput.of("Write a function to add two numbers.", List.of("assert add(1, 2) == 3")));
        assertEquals(3, prediction.passProbabilities().length);

        // Same labels, same seed: same data, same metrics; a new version.
        TrainingJob again = awaitEnd(trainer.startTraining(StartTrainingRequest.newBuilder().setLabelingJobId(MBPP_JOB)
                .setSeed(7).build()));
        ModelInfo second = trainer.getModel(GetModelRequest.newBuilder().setModelId(again.getModelId()).build());
        assertEquals(model.getDataFingerprint(), second.getDataFingerprint());
        assertEquals(job.getMetrics().getAccuracy(), again.getMetrics().getAccuracy());
        assertEquals(job.getMetrics().getPassRate(), again.getMetrics().getPassRate());
        assertEquals(model.getVersion() + 1, second.getVersion());
        assertEquals(second.getModelId(), trainer.listModels(ListModelsRequest.newBuilder().setPageSize(1).build())
                .getModels(0).getModelId());

        try (ExchangeListener<ModelPromoted> promoted = new ExchangeListener<>("complexitynet.model-promoted", ModelPromoted::parseFrom)) {
            ModelInfo promotedModel = trainer.promoteModel(PromoteModelRequest.newBuilder().setModelId(model.getModelId())
                    .setPromotedBy("release-manager").build());
            assertTrue(promotedModel.getPromoted());
            ModelPromoted event = promoted.next(e -> e.getModelId().equals(model.getModelId()), 30);
            assertNotNull(event, "no model-promoted event");
            assertEquals(1, event.getVersion());
            assertEquals(model.getVersion(), event.getModelVersion());
            assertEquals("admin-ops", event.getPromotedBy());
        }
        assertEquals(model.getModelId(), trainer.getModel(GetModelRequest.newBuilder().setModelId("promoted").build()).getModelId());

        // The job's request delivered again after it finished: nothing new is stored.
        run.run(job.getJobId());
        assertEquals(model.getModelId(), models.byTrainingJob(job.getJobId()).orElseThrow().id);
        assertEquals(2, trainer.listModels(ListModelsRequest.getDefaultInstance()).getModelsCount());

        // The same labels on a split by fractions, as for a data set without a split of its own: stratified, seeded.
        TrainingJob fractions = awaitEnd(trainer.startTraining(StartTrainingRequest.newBuilder().setLabelingJobId(MBPP_JOB)
                .setSplit("fractions:0.7/0.15/0.15").setSeed(7).build()));
        assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, fractions.getState(), fractions.getFailureReason());
        assertTrue(fractions.getMetrics().getReportMarkdown().contains("fractions:0.7/0.15/0.15 seed 7"),
                fractions.getMetrics().getReportMarkdown());

        // A split the request lists task by task.
        TrainingJob explicit = awaitEnd(trainer.startTraining(StartTrainingRequest.newBuilder().setLabelingJobId(MBPP_JOB)
                .setSplit("explicit").setExplicitSplit(SplitParts.newBuilder().addAllTrain(ids(601, 800)).addAllValidation(ids(511, 560))
                        .addAllTest(ids(11, 110))).build()));
        assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, explicit.getState(), explicit.getFailureReason());
        assertTrue(explicit.getMetrics().getReportMarkdown().contains("| explicit | 200"), explicit.getMetrics().getReportMarkdown());
    }

    private static List<String> ids(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(Integer::toString).toList();
    }

    @Test
    void labelsThatCannotTrainAModelFailTheJobWithTheReasonAndStoreNothing() throws InterruptedException {
        TrainingJob job = awaitEnd(trainer.startTraining(StartTrainingRequest.newBuilder().setDataset("one-class").build()));
        assertEquals(TrainingState.TRAINING_STATE_FAILED, job.getState());
        assertTrue(job.getFailureReason().contains("class"), job.getFailureReason());
        assertTrue(models.byTrainingJob(job.getJobId()).isEmpty());
    }

    @Test
    void badRequestsAreRefusedWithTheFieldNamed() {
        assertStatus(Status.Code.INVALID_ARGUMENT, "dataset: data set 'nope' has no completed labelling job",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset("nope").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "source: give a labeling_job_id or a dataset",
                () -> trainer.startTraining(StartTrainingRequest.getDefaultInstance()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "parameters: unknown head type 'forest'",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).setHeadType("forest").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "parameters: unknown split 'random'; use mbpp, fractions:",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).setSplit("random").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "parameters: split 'fractions:0.7/0.2/0.2': the fractions sum to 1.1, not 1",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).setSplit("fractions:0.7/0.2/0.2")
                        .build()));
        assertStatus(Status.Code.FAILED_PRECONDITION, "split 'mbpp' leaves no solved task in train",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(FIVE_TASKS).build()));
        StatusRuntimeException tooFew = assertThrows(StatusRuntimeException.class, () -> trainer.startTraining(
                StartTrainingRequest.newBuilder().setDataset(FIVE_TASKS).setSplit("fractions:0.7/0.15/0.15").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, tooFew.getStatus().getCode());
        assertTrue(tooFew.getStatus().getDescription().contains("labelled tasks per class {")
                && tooFew.getStatus().getDescription().endsWith("a class needs at least 6 labelled tasks to reach every part"),
                tooFew.getStatus().getDescription());
        assertStatus(Status.Code.INVALID_ARGUMENT, "parameters: split 'explicit': task 601 is listed in train and in test",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).setSplit("explicit")
                        .setExplicitSplit(SplitParts.newBuilder().addTrain("601").addValidation("511").addTest("601")).build()));
        assertStatus(Status.Code.NOT_FOUND, "no labelling job missing-job",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setLabelingJobId("missing-job").build()));
        assertStatus(Status.Code.NOT_FOUND, "no training job 42",
                () -> trainer.getJob(GetTrainingJobRequest.newBuilder().setJobId("42").build()));
        assertStatus(Status.Code.NOT_FOUND, "no model m-1",
                () -> trainer.promoteModel(PromoteModelRequest.newBuilder().setModelId("m-1").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "page_size: must be between 1 and 200, was 500",
                () -> trainer.listModels(ListModelsRequest.newBuilder().setPageSize(500).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "page_token: 'x' is not a token this API returned",
                () -> trainer.listModels(ListModelsRequest.newBuilder().setPageToken("x").build()));
    }

    private static void assertStatus(Status.Code code, String messageStart, Runnable call) {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, error.getStatus().getCode(), error.getStatus().getDescription());
        assertTrue(error.getStatus().getDescription().startsWith(messageStart), error.getStatus().getDescription());
    }
}
