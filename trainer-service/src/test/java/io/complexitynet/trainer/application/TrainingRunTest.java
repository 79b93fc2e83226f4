package io.complexitynet.trainer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.proto.v1.GetModelRequest;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.trainer.testing.JobEnd;
import io.complexitynet.trainer.testing.RoutedSamples;
import io.complexitynet.trainer.testing.TrainerAsAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * StartTraining with include_routed_samples: the routers' stored verdicts train beside a labelling job's
 * labels, in real PostgreSQL. Forty of MBPP's training tasks are left out of the labelling job and
 * routed instead, every ladder model answering once with its recorded outcome, so they come back as
 * the same forty training rows; a prompt the job labelled and a prompt only one model answered add none.
 * Only tenants whose feedback is trusted count: an untrusted tenant's samples, every model passing its own
 * tests, change neither the rows nor their labels.
 */
@QuarkusTest
@TestProfile(TrainingRunTest.OwnSchema.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingRunTest extends TrainerAsAdmin {

    /** A profile of its own restarts the trainer on a freshly cleaned schema: TrainerServiceTest counts the models it made. */
    public static class OwnSchema implements QuarkusTestProfile {
    }

    private static final String JOB = "feedback-job";

    @Inject
    RoutedSamples routed;

    private List<RecordedMbppLabels.RecordedTask> routedInstead;

    @BeforeAll
    void storeLabelsAndRoutedRequests() throws Exception {
        List<RecordedMbppLabels.RecordedTask> tasks = RecordedMbppLabels.records();
        routedInstead = tasks.stream().filter(task -> task.task().taskId() >= 601 && task.task().taskId() < 641).toList();
        recorded.store("mbpp-feedback", JOB, tasks.stream().filter(task -> !routedInstead.contains(task)).toList());
        List<PricedModel> ladder = RecordedMbppLabels.LADDER;
        routed.policy("acme", true);
        routed.policy("globex", true);
        routed.policy("mallory", false);
        for (RecordedMbppLabels.RecordedTask task : routedInstead) {
            for (int model = 0; model < ladder.size(); model++) {
                routed.store(task.task().taskId() + "/" + model, "acme", task.task().text(), task.task().tests(), ladder.get(model).name(),
                        task.passes().get(model).passes() > 0 ? "PASSED" : "FAILED");
            }
        }
        RecordedMbppLabels.RecordedTask labelled = tasks.stream().filter(task -> task.task().taskId() == 700).findFirst().orElseThrow();
        for (PricedModel model : ladder) {
            routed.store("labelled/" + model.name(), "globex", labelled.task().text(), labelled.task().tests(), model.name(), "PASSED");
        }
        routed.store("one-model/0", "acme", "Write a function that only the smallest model was asked.", List.of("assert f() == 1"),
                ladder.get(0).name(), "PASSED");
        // An untrusted tenant's own tests pass every model: were they learned from, the routed tasks would all become
        // complexity 1 and ten new prompts would join the training rows.
        for (RecordedMbppLabels.RecordedTask task : routedInstead) {
            for (PricedModel model : ladder) {
                routed.store("poison/" + task.task().taskId() + "/" + model.name(), "mallory", task.task().text(), task.task().tests(),
                        model.name(), "PASSED");
            }
        }
        for (int prompt = 0; prompt < 10; prompt++) {
            for (PricedModel model : ladder) {
                routed.store("poison-new/" + prompt + "/" + model.name(), "mallory", "Write function number " + prompt + ".",
                        List.of("assert True"), model.name(), "PASSED");
            }
        }
    }

    private TrainingJob train(boolean includeRoutedSamples) throws InterruptedException {
        TrainingJob job = JobEnd.await(trainer, trainer.startTraining(StartTrainingRequest.newBuilder().setLabelingJobId(JOB).setSeed(3)
                .setIncludeRoutedSamples(includeRoutedSamples).build()).getJobId(), Duration.ofMinutes(3));
        assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, job.getState(), job.getFailureReason());
        return job;
    }

    @Test
    void trustedTenantsRoutedRequestsTrainBesideTheLabellingJobsLabelsOncePerPromptAndUntrustedOnesChangeNothing() throws Exception {
        TrainingJob labelsOnly = train(false);
        TrainingJob withFeedback = train(true);

        int[] without = trainAndSolved(labelsOnly, "mbpp");
        int[] with = trainAndSolved(withFeedback, "mbpp+routed");
        assertEquals(without[0] + routedInstead.size(), with[0], "every routed-instead task is one training row, the others none");
        assertEquals(without[1] + routedInstead.stream().filter(task -> task.complexity() != null).count(), with[1],
                "routed rows are labelled as the job labels its tasks");
        assertTrue(trainer.getModel(GetModelRequest.newBuilder().setModelId(withFeedback.getModelId()).build()).getParametersJson()
                .contains("\"includeRoutedSamples\":true"));
    }

    /** The training partition's size and solved tasks, from the report's split table row of {@code split}. */
    private static int[] trainAndSolved(TrainingJob job, String split) {
        String row = job.getMetrics().getReportMarkdown().lines().filter(line -> line.matches("\\|\\s*" + split.replace("+", "\\+") + "\\s*\\|.*"))
                .findFirst().orElseThrow(() -> new AssertionError("no split row '" + split + "' in\n" + job.getMetrics().getReportMarkdown()));
        String train = Arrays.stream(row.split("\\|")).map(String::strip).filter(cell -> !cell.isEmpty()).toList().get(1);
        String[] sizeAndSolved = train.replace(")", "").split(" \\(");
        return new int[] {Integer.parseInt(sizeAndSolved[0]), Integer.parseInt(sizeAndSolved[1])};
    }
}
