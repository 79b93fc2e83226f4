package io.complexitynet.reproduce.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ModelPassCount;
import io.complexitynet.proto.v1.ParkedTask;
import io.complexitynet.proto.v1.TaskLabel;
import io.complexitynet.reproduce.domain.JobStatus.Phase;
import io.complexitynet.reproduce.domain.LabellingJobStatus;
import io.complexitynet.reproduce.domain.TaskOutcome;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LabelerClientTest {

    private static final List<String> LADDER = List.of("small", "middle", "large");

    private static LabelingJob job(JobState state) {
        return LabelingJob.newBuilder().setJobId("j1").addAllModels(LADDER).setRuleVersion("paper5/v1(reliable>=0.80)").setState(state).setTasksTotal(10).setTasksDone(7)
                .addParked(ParkedTask.newBuilder().setTaskSourceId("9").setReason("no answer")).setSamplesVerified(21).build();
    }

    private static ModelPassCount passes(String model, int passes, int tries) {
        return ModelPassCount.newBuilder().setModel(model).setPasses(passes).setTries(tries).build();
    }

    @Test
    void aJobKeepsItsLadderAndCountsAndOnlyCompletedSucceeds() {
        assertEquals(new LabellingJobStatus("j1", LADDER, "paper5/v1(reliable>=0.80)", Phase.SUCCEEDED, "JOB_STATE_COMPLETED", 10, 7, 1, 21),
                LabelerClient.status(job(JobState.JOB_STATE_COMPLETED)));
        assertEquals(Phase.RUNNING, LabelerClient.status(job(JobState.JOB_STATE_RUNNING)).phase());
    }

    @Test
    void aJobInAnyOtherStateHasStoppedAndKeepsTheLabelersNameForIt() {
        for (JobState state : List.of(JobState.JOB_STATE_CANCELLED, JobState.JOB_STATE_UNSPECIFIED)) {
            LabellingJobStatus status = LabelerClient.status(job(state));
            assertEquals(Phase.STOPPED, status.phase(), state::name);
            assertEquals(state.name(), status.state());
        }
    }

    @Test
    void aLabelsPassesBecomePassRatesInLadderOrderIgnoringModelsOutsideItAndUntriedOnes() {
        TaskLabel label = TaskLabel.newBuilder().setTaskSourceId("42").setComplexity(3).addPasses(passes("large", 1, 1))
                .addPasses(passes("small", 1, 4)).addPasses(passes("middle", 0, 0)).addPasses(passes("elsewhere", 1, 1)).build();
        TaskOutcome outcome = LabelerClient.outcome(label, LADDER);
        assertEquals("42", outcome.taskId());
        assertEquals(OptionalInt.of(3), outcome.complexity());
        assertArrayEquals(new double[] {0.25, 0, 1}, outcome.passRates(), 1e-12);
    }

    @Test
    void aLabelWithoutComplexityIsAnUnsolvedTask() {
        TaskLabel label = TaskLabel.newBuilder().setTaskSourceId("7").addPasses(passes("small", 0, 1)).build();
        assertEquals(OptionalInt.empty(), LabelerClient.outcome(label, LADDER).complexity());
    }
}
