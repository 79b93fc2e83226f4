package io.complexitynet.trainer.grpc;

import static io.complexitynet.trainer.testing.RecordedLabelingJob.MBPP_DATASET;
import static io.complexitynet.trainer.testing.RecordedLabelingJob.MBPP_JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.proto.v1.CrossValidation;
import io.complexitynet.proto.v1.FoldMetrics;
import io.complexitynet.proto.v1.GetModelRequest;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.SplitParts;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.trainer.testing.JobEnd;
import io.complexitynet.trainer.testing.TrainerAsAdmin;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * StartTraining with k-fold cross-validation and with several label sources, against real PostgreSQL, RabbitMQ and
 * Keycloak: the folds' figures with their mean and spread in the job's metrics and report beside a model trained as
 * without them; MBPP with a team's own tasks whose ids collide with MBPP's, trained together under ids namespaced by data
 * set; and the refusals (too few labels for the folds, sources that differ in ladder or rule, MBPP's split over several).
 */
@QuarkusTest
@TestProfile(CrossValidationAndCombinedSourcesTest.OwnSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossValidationAndCombinedSourcesTest extends TrainerAsAdmin {

    /** A profile of its own restarts the trainer on a freshly cleaned schema: TrainerServiceTest counts the models it made. */
    public static class OwnSchema implements QuarkusTestProfile {
    }

    /** MBPP's first 150 tasks again, as a team's own set whose ids ("1" to "150") are MBPP's too. */
    private static final String TEAM_DATASET = "team-tasks";
    private static final String TEAM_JOB = "team-job";
    private static final String SMALL_DATASET = "twenty-tasks";
    private static final int TEAM_TASKS = 150;

    @BeforeAll
    void storeLabels() throws Exception {
        List<RecordedMbppLabels.RecordedTask> records = RecordedMbppLabels.records();
        recorded.storeMbpp();
        recorded.store(TEAM_DATASET, TEAM_JOB, records.subList(0, TEAM_TASKS));
        recorded.store(SMALL_DATASET, "twenty-job", records.subList(0, 20));
        recorded.store("other-ladder", "other-ladder-job", records.subList(0, 20));
        recorded.relabel("other-ladder-job", List.of("gpt-3.5-turbo-1106", "codellama-7b-python", "gpt-4-1106-preview"),
                "paper5/v1(reliable>=0.80)");
        recorded.store("other-rule", "other-rule-job", records.subList(0, 20));
        recorded.relabel("other-rule-job", List.of("codellama-7b-python", "gpt-3.5-turbo-1106", "gpt-4-1106-preview"),
                "paper5/v1(reliable>=0.50)");
    }

    private TrainingJob train(StartTrainingRequest request) throws InterruptedException {
        TrainingJob job = JobEnd.await(trainer, trainer.startTraining(request).getJobId(), Duration.ofMinutes(5));
        assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, job.getState(), job.getFailureReason());
        return job;
    }

    @Test
    void crossValidationReportsEveryFoldWithMeanAndSpreadBesideTheModelOfTheSplit() throws InterruptedException {
        TrainingJob validated = train(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).setSeed(7).setCrossValidationFolds(3)
                .build());
        CrossValidation folds = validated.getMetrics().getCrossValidation();
        assertEquals(List.of(1, 2, 3), folds.getFoldsList().stream().map(FoldMetrics::getFold).toList());
        int labelled = RecordedMbppLabels.records().size();
        assertEquals(labelled, folds.getFoldsList().stream().mapToInt(FoldMetrics::getTestTasks).sum(), "each task held out once");
        for (FoldMetrics fold : folds.getFoldsList()) {
            assertEquals(labelled, fold.getTrainTasks() + fold.getValidationTasks() + fold.getTestTasks());
            assertTrue(Math.abs(fold.getValidationTasks() - 0.2 * (labelled - fold.getTestTasks())) <= 4, fold.toString());
            assertTrue(fold.getCostCutVsLargest() > 0, fold.toString());
        }
        double[] accuracies = folds.getFoldsList().stream().mapToDouble(FoldMetrics::getAccuracy).toArray();
        double mean = (accuracies[0] + accuracies[1] + accuracies[2]) / 3;
        double variance = IntStream.range(0, 3).mapToDouble(i -> (accuracies[i] - mean) * (accuracies[i] - mean)).sum() / 2;
        assertEquals(mean, folds.getAccuracy().getMean(), 1e-12);
        assertEquals(Math.sqrt(variance), folds.getAccuracy().getStandardDeviation(), 1e-12);
        assertTrue(folds.getAccuracy().getStandardDeviation() > 0);
        assertTrue(folds.getAccuracy().getMean() > folds.getMajorityAccuracy().getMean(),
                folds.getAccuracy() + " vs majority " + folds.getMajorityAccuracy());
        assertEquals(folds.getFoldsList().stream().mapToDouble(FoldMetrics::getPassRate).average().orElseThrow(),
                folds.getPassRate().getMean(), 1e-12);
        String report = validated.getMetrics().getReportMarkdown();
        assertTrue(report.contains("## Cross-validation (3 folds, seed 7)") && report.contains("| mean ± SD |"), report);
        assertEquals(1.0, validated.getProgress());

        // The stored model is the split's, as without cross-validation: same data, same figures.
        TrainingJob plain = train(StartTrainingRequest.newBuilder().setLabelingJobId(MBPP_JOB).setSeed(7).build());
        assertEquals(plain.getMetrics().getAccuracy(), validated.getMetrics().getAccuracy());
        assertEquals(plain.getMetrics().getPassRate(), validated.getMetrics().getPassRate());
        assertEquals(fingerprint(plain), fingerprint(validated));
        assertEquals(CrossValidation.getDefaultInstance(), plain.getMetrics().getCrossValidation());
        assertFalse(plain.getMetrics().getReportMarkdown().contains("Cross-validation"));
    }

    @Test
    void tooFewLabelsForTheFoldsAreRefusedBeforeTheJobIsQueuedWithTheCountsPerClass() {
        StatusRuntimeException tooFew = assertThrows(StatusRuntimeException.class, () -> trainer.startTraining(StartTrainingRequest
                .newBuilder().setDataset(SMALL_DATASET).setSplit("fractions:0.7/0.15/0.15").setCrossValidationFolds(10).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, tooFew.getStatus().getCode(), tooFew.getStatus().getDescription());
        assertTrue(tooFew.getStatus().getDescription().startsWith("cross-validation in 10 folds leaves no solved task in ")
                && tooFew.getStatus().getDescription().contains("labelled tasks per class {")
                && tooFew.getStatus().getDescription().endsWith("with 10 folds a class needs at least 10 labelled tasks to reach every part"
                        + " of every fold"), tooFew.getStatus().getDescription());
        assertStatus(Status.Code.INVALID_ARGUMENT, "cross_validation_folds: cross-validation takes 2 to 10 folds, was 11",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).setCrossValidationFolds(11).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "cross_validation_folds: cross-validation takes 2 to 10 folds, was 1",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).setCrossValidationFolds(1).build()));
    }

    @Test
    void dataSetsWithCollidingTaskIdsTrainTogetherUnderIdsNamespacedByDataSet() throws InterruptedException {
        TrainingJob combined = train(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).addDatasets(TEAM_DATASET)
                .setSplit("fractions:0.7/0.15/0.15").setSeed(3).build());
        assertEquals(RecordedMbppLabels.records().size() + TEAM_TASKS, tasksInSplit(combined.getMetrics().getReportMarkdown(),
                "fractions:0.7/0.15/0.15 seed 3"));
        ModelInfo model = model(combined);
        assertEquals(List.of(MBPP_JOB, TEAM_JOB), model.getLabelingJobIdsList());
        assertEquals(List.of(MBPP_DATASET, TEAM_DATASET), model.getDatasetsList());
        assertEquals(MBPP_JOB, model.getLabelingJobId());
        assertEquals(MBPP_DATASET, model.getDataset());

        // One source keeps its own ids: MBPP alone on the same split is other data.
        TrainingJob mbppAlone = train(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).setSplit("fractions:0.7/0.15/0.15")
                .setSeed(3).build());
        assertEquals(RecordedMbppLabels.records().size(), tasksInSplit(mbppAlone.getMetrics().getReportMarkdown(),
                "fractions:0.7/0.15/0.15 seed 3"));
        assertNotEquals(fingerprint(mbppAlone), model.getDataFingerprint());
        assertEquals(List.of(MBPP_JOB), model(mbppAlone).getLabelingJobIdsList());

        // An explicit split names the tasks of combined sources as <dataset>/<task id>.
        TrainingJob explicit = train(StartTrainingRequest.newBuilder().addLabelingJobIds(MBPP_JOB).addLabelingJobIds(TEAM_JOB)
                .setSplit("explicit").setExplicitSplit(SplitParts.newBuilder()
                        .addAllTrain(Stream.concat(ids(MBPP_DATASET, 601, 680).stream(), ids(TEAM_DATASET, 11, 40).stream()).toList())
                        .addAllValidation(ids(MBPP_DATASET, 511, 530)).addAllTest(ids(TEAM_DATASET, 101, 130))).build());
        assertTrue(explicit.getMetrics().getReportMarkdown().contains("| explicit | 110 (") && explicit.getMetrics().getReportMarkdown()
                .contains(" | 20 ("), explicit.getMetrics().getReportMarkdown());
        assertEquals(List.of(MBPP_DATASET, TEAM_DATASET), model(explicit).getDatasetsList());
    }

    @Test
    void sourcesThatDifferInLadderOrRuleOrNameADataSetTwiceAreRefused() {
        assertStatus(Status.Code.INVALID_ARGUMENT, "source: label sources trained together need the same ladder: labelling job"
                        + " other-ladder-job (data set 'other-ladder') has [gpt-3.5-turbo-1106, codellama-7b-python, gpt-4-1106-preview],"
                        + " labelling job recorded-mbpp (data set 'mbpp-recorded') has [codellama-7b-python, gpt-3.5-turbo-1106,"
                        + " gpt-4-1106-preview]",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).addDatasets("other-ladder")
                        .setSplit("fractions:0.7/0.15/0.15").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "source: label sources trained together need the same labelling rule: labelling job"
                        + " other-rule-job (data set 'other-rule') has paper5/v1(reliable>=0.50), labelling job recorded-mbpp (data set"
                        + " 'mbpp-recorded') has paper5/v1(reliable>=0.80)",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).addLabelingJobIds("other-rule-job")
                        .setSplit("fractions:0.7/0.15/0.15").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "source: data set 'mbpp-recorded' is named twice (labelling jobs recorded-mbpp and"
                        + " recorded-mbpp); its tasks would train twice",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setLabelingJobId(MBPP_JOB).addDatasets(MBPP_DATASET)
                        .setSplit("fractions:0.7/0.15/0.15").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "split: 'mbpp' splits by MBPP's own task ids and cannot split 2 label sources",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).addDatasets(TEAM_DATASET).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, "explicit_split: the job's parameters take ",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).addDatasets(TEAM_DATASET)
                        .setSplit("explicit").setExplicitSplit(SplitParts.newBuilder().addAllTrain(ids(MBPP_DATASET, 601, 974))
                                .addAllValidation(ids(MBPP_DATASET, 511, 600)).addAllTest(ids(TEAM_DATASET, 1, 150))).build()));
        assertStatus(Status.Code.NOT_FOUND, "no labelling job missing-job",
                () -> trainer.startTraining(StartTrainingRequest.newBuilder().setDataset(MBPP_DATASET).addLabelingJobIds("missing-job")
                        .build()));
    }

    private ModelInfo model(TrainingJob job) {
        return trainer.getModel(GetModelRequest.newBuilder().setModelId(job.getModelId()).build());
    }

    private String fingerprint(TrainingJob job) {
        return model(job).getDataFingerprint();
    }

    /** Train, validation and test tasks together, read off the report's first table. */
    private static int tasksInSplit(String report, String split) {
        Matcher row = Pattern.compile("\\| " + Pattern.quote(split) + " \\| (\\d+) \\(\\d+\\) \\| (\\d+) \\(\\d+\\) \\| (\\d+) \\(\\d+\\) \\|")
                .matcher(report);
        assertTrue(row.find(), report);
        return Integer.parseInt(row.group(1)) + Integer.parseInt(row.group(2)) + Integer.parseInt(row.group(3));
    }

    private static List<String> ids(String dataset, int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(id -> dataset + "/" + id).toList();
    }

    private static void assertStatus(Status.Code code, String messageStart, Runnable call) {
        StatusRuntimeException error = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, error.getStatus().getCode(), error.getStatus().getDescription());
        assertTrue(error.getStatus().getDescription().startsWith(messageStart), error.getStatus().getDescription());
    }
}
