package io.complexitynet.labeler.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.labeler.it.OpenAiLadderProfile;
import io.complexitynet.labeler.it.RecordedModelsStub;
import io.complexitynet.labeler.testing.LabelerAsAdmin;
import io.complexitynet.testing.VerifierResource;
import io.complexitynet.proto.v1.ExportLabelsRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ModelPassCount;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.complexitynet.proto.v1.TaskLabel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** k &gt; 1 end to end: the ladder on the openai backend against a chat-completions stub, every answer verified. */
@QuarkusTest
@TestProfile(OpenAiLadderProfile.class)
@QuarkusTestResource(value = VerifierResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RecordedModelsStub.class, restrictToAnnotatedClass = true)
class OpenAiLadderTest extends LabelerAsAdmin {

    @Test
    void threeSamplesPerModelAreGeneratedVerifiedAndCounted() throws Exception {
        Set<Integer> tasks = IntStream.rangeClosed(11, 16).boxed().collect(Collectors.toSet());
        labeler.importDataset(ImportDatasetRequest.newBuilder().setName("openai-k3").setPath(MbppSlices.of("openai-k3", tasks).toString()).build());
        LabelingJob started = labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("openai-k3")
                .setSamplesPerModel(3).setTemperature(0.7).build());
        LabelingJob done = awaitEnd(started.getJobId(), 120);

        assertEquals(JobState.JOB_STATE_COMPLETED, done.getState(), done::toString);
        assertEquals(6, done.getTasksDone());
        assertEquals(54, done.getSamplesVerified());
        assertEquals(54, RecordedModelsStub.stub().requests().size());
        for (ModelPassCount passes : done.getPassesList()) {
            assertEquals(18, passes.getTries());
            // Every third answer is wrong: at most two of three can pass.
            assertTrue(passes.getPasses() <= 12, passes::toString);
        }
        long withTokens = ((Number) entities.createNativeQuery("select count(*) from sample where job_id = ?1 and prompt_tokens = 120"
                + " and completion_tokens > 0").setParameter(1, started.getJobId()).getSingleResult()).longValue();
        assertEquals(54, withTokens);

        List<TaskLabel> exported = new ArrayList<>();
        labeler.exportLabels(ExportLabelsRequest.newBuilder().setJobId(started.getJobId()).build()).forEachRemaining(exported::add);
        assertEquals(6, exported.size());
        for (TaskLabel label : exported) {
            assertEquals(3, label.getPassesCount());
            label.getPassesList().forEach(p -> assertEquals(3, p.getTries()));
        }
    }
}
