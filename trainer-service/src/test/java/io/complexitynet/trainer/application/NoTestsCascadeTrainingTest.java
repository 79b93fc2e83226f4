package io.complexitynet.trainer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.learning.ComplexityModel;
import io.complexitynet.model.learning.ModelCodec;
import io.complexitynet.proto.v1.GetModelRequest;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.NoTestsCascade;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.trainer.testing.JobEnd;
import io.complexitynet.trainer.testing.TrainerAsAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The no-tests cascade's answer scorer through the running trainer, in real PostgreSQL: a labelling job whose samples
 * carry test-free runs gives a model whose artefact holds a scorer and whose metrics and report give its precision,
 * recall and cascade; a job labelled before probes gives a model without one, and says why.
 */
@QuarkusTest
@TestProfile(NoTestsCascadeTrainingTest.OwnSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoTestsCascadeTrainingTest extends TrainerAsAdmin {

    /** A profile of its own restarts the trainer on a freshly cleaned schema: TrainerServiceTest counts the models it made. */
    public static class OwnSchema implements QuarkusTestProfile {
    }

    private static final String PROBED = "mbpp-probed";
    private static final String UNPROBED = "mbpp-unprobed";

    @Inject
    PromptEncoder encoder;

    @BeforeAll
    void storeLabels() throws Exception {
        recorded.storeWithProbes(PROBED, "recorded-mbpp-probed", RecordedMbppLabels.records());
        recorded.store(UNPROBED, "recorded-mbpp-unprobed", RecordedMbppLabels.records());
    }

    @Test
    void aJobWhoseAnswersWereProbedGivesAModelWithAScorerAndItsPrecisionAndRecall() throws Exception {
        TrainingJob job = train(PROBED);
        NoTestsCascade cascade = job.getMetrics().getNoTestsCascade();
        assertTrue(cascade.getTrained(), cascade.getNotTrainedReason());
        assertEquals(0.9, cascade.getMinCostCut());
        assertTrue(cascade.getTargetReached(), cascade.toString());
        assertEquals("a cost cut of at least 90.0%", cascade.getTarget());
        assertEquals(2, cascade.getThresholdsCount());
        assertTrue(cascade.getValidationCostCut() >= 0.9, cascade.toString());
        // The synthetic probes agree with most verdicts, so even at the low threshold the 90% cost cut asks for, most of the
        // answers taken pass, and few passing ones are turned down.
        assertTrue(cascade.getPrecisionCheapest() > 0.5 && cascade.getRecallCheapest() > 0.9, cascade.toString());
        assertTrue(cascade.getPrecisionAll() > 0.5 && cascade.getRecallAll() > 0.9, cascade.toString());
        assertTrue(cascade.getPassRate() > 0 && cascade.getSolvedPassRate() >= cascade.getPassRate(), cascade.toString());
        assertEquals(3, cascade.getCallsPerModelCount());
        assertEquals(1.0, cascade.getCallsPerModel(0));
        assertEquals(0, cascade.getTestTasksLeftOut());
        String report = job.getMetrics().getReportMarkdown();
        assertTrue(report.contains("## No-tests cascade (test split, recorded answers)"), report);
        assertTrue(report.contains("| the cheapest model's |"), report);

        ModelInfo model = trainer.getModel(GetModelRequest.newBuilder().setModelId(job.getModelId()).setIncludeArtifact(true).build());
        ComplexityModel loaded = ModelCodec.decode(model.getArtifact().toByteArray(), encoder);
        assertEquals(cascade.getThresholdsList(), Arrays.stream(loaded.answerScorer().orElseThrow().thresholds()).boxed().toList());
    }

    @Test
    void aJobLabelledBeforeProbesGivesAModelWithoutAScorerAndSaysWhy() throws Exception {
        TrainingJob job = train(UNPROBED);
        NoTestsCascade cascade = job.getMetrics().getNoTestsCascade();
        assertFalse(cascade.getTrained());
        assertTrue(cascade.getNotTrainedReason().contains("recorded no test-free run"), cascade.getNotTrainedReason());
        assertTrue(job.getMetrics().getReportMarkdown().contains("No answer scorer: the labelling job recorded no test-free run"));
        ModelInfo model = trainer.getModel(GetModelRequest.newBuilder().setModelId(job.getModelId()).setIncludeArtifact(true).build());
        assertTrue(ModelCodec.decode(model.getArtifact().toByteArray(), encoder).answerScorer().isEmpty());
    }

    private TrainingJob train(String dataset) throws InterruptedException {
        TrainingJob job = JobEnd.await(trainer, trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(dataset)
                .setStartedBy("no-tests-cascade-test").build()).getJobId(), Duration.ofMinutes(3));
        assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, job.getState(), job.getFailureReason());
        return job;
    }
}
