package io.complexitynet.labeler.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.labeler.testing.LabelerAsAdmin;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ListLabelsRequest;
import io.complexitynet.proto.v1.ModelPassCount;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.complexitynet.proto.v1.TaskLabel;
import io.complexitynet.testing.VerifierResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A team's own data set and ladder through a whole labelling job: the project's example tasks (generic format, string
 * ids, setup code) on four replayed models with three samples each, from synthetic recordings written for this
 * (examples/team-tasks-recordings.jsonl: the reference solution where a sample passes, a wrong value, no code or code
 * that does not parse where it fails), every sample judged by the real verifier.
 */
@QuarkusTest
@TestProfile(OwnLadderLabelingTest.FourModels.class)
@QuarkusTestResource(VerifierResource.class)
@QuarkusTestResource(KeycloakResource.class)
class OwnLadderLabelingTest extends LabelerAsAdmin {

    private static final List<String> LADDER = List.of("tiny-coder", "small-coder", "mid-coder", "large-coder");

    public static class FourModels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new TreeMap<>();
            for (int i = 0; i < LADDER.size(); i++) {
                config.put("labeler.models[" + i + "].name", LADDER.get(i));
                config.put("labeler.models[" + i + "].backend", "replay");
                config.put("labeler.models[" + i + "].cost-units-per-1k", Integer.toString(List.of(1, 3, 10, 30).get(i)));
            }
            config.put("labeler.replay.file", "${complexitynet.repo.dir}/examples/team-tasks-recordings.jsonl");
            return config;
        }
    }

    @Test
    void fourModelsThreeSamplesEachLabelEveryTaskByItsOwnId() throws Exception {
        Path tasks = Path.of(System.getProperty("complexitynet.repo.dir"), "examples", "team-tasks.jsonl");
        labeler.importDataset(ImportDatasetRequest.newBuilder().setName("team-tasks-own-ladder").setPath(tasks.toString()).build());
        LabelingJob started = labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("team-tasks-own-ladder")
                .setSamplesPerModel(3).setRule("cheapest-passing").build());
        assertEquals(LADDER, started.getModelsList());

        LabelingJob done = awaitEnd(started.getJobId(), 120);
        assertEquals(JobState.JOB_STATE_COMPLETED, done.getState(), done::toString);
        assertEquals(10, done.getTasksDone());
        assertEquals(0, done.getParkedCount(), done::toString);
        assertEquals(120, done.getSamplesVerified());

        Map<String, TaskLabel> labels = labeler.listLabels(ListLabelsRequest.newBuilder().setJobId(started.getJobId()).setPageSize(50)
                .build()).getLabelsList().stream().collect(Collectors.toMap(TaskLabel::getTaskSourceId, label -> label));
        // Passes out of 3 per model, as recorded, and the cheapest model that passed at least once.
        Map<String, List<Integer>> passes = Map.of("billing/refund", List.of(3, 3, 3, 3), "billing/cents", List.of(0, 1, 3, 3),
                "text/slug", List.of(1, 3, 3, 3), "text/initials", List.of(3, 3, 3, 3), "logs/error-rate", List.of(0, 0, 2, 3),
                "logs/top-paths", List.of(0, 0, 0, 3), "scheduling/overlap", List.of(2, 3, 3, 3), "scheduling/merge", List.of(0, 0, 0, 1),
                "config/parse-duration", List.of(0, 2, 3, 3), "config/deep-merge", List.of(0, 0, 0, 0));
        assertEquals(passes.keySet(), labels.keySet());
        passes.forEach((task, expected) -> {
            TaskLabel label = labels.get(task);
            assertEquals(LADDER, label.getPassesList().stream().map(ModelPassCount::getModel).toList(), task);
            assertEquals(expected, label.getPassesList().stream().map(ModelPassCount::getPasses).toList(), task);
            label.getPassesList().forEach(count -> assertEquals(3, count.getTries(), task));
            int cheapest = expected.indexOf(expected.stream().filter(p -> p > 0).findFirst().orElse(-1));
            assertEquals(cheapest >= 0, label.hasComplexity(), task);
            if (cheapest >= 0) {
                assertEquals(cheapest, label.getComplexity(), task);
            }
        });
    }
}
