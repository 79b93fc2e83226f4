package io.complexitynet.labeler.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.labeler.testing.LabelerAsAdmin;
import io.complexitynet.testing.VerifierResource;
import io.complexitynet.proto.v1.CancelJobRequest;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.Dataset;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.ListLabelsRequest;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Bad requests get a status naming what was wrong, and leave nothing half-stored. */
@QuarkusTest
@QuarkusTestResource(VerifierResource.class)
@QuarkusTestResource(KeycloakResource.class)
class LabelerApiErrorsTest extends LabelerAsAdmin {

    private static StatusRuntimeException refused(Supplier<?> call) {
        return assertThrows(StatusRuntimeException.class, call::get);
    }

    @Test
    void aMalformedLineFailsTheWholeImportWithItsLineNumber() throws Exception {
        Path file = Path.of("target", "malformed.jsonl").toAbsolutePath();
        Files.write(file, List.of(
                "{\"task_id\": 1, \"text\": \"Add.\", \"code\": \"\", \"test_setup_code\": \"\", \"test_list\": [\"assert add(1, 2) == 3\"]}",
                "{\"task_id\": 2, \"text\": \"Sub.\", \"test_list\": \"assert sub(2, 1) == 1\"}"));
        StatusRuntimeException error = refused(() -> labeler.importDataset(ImportDatasetRequest.newBuilder()
                .setName("malformed").setPath(file.toString()).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        assertTrue(error.getStatus().getDescription().contains("line 2: test_list must be a non-empty array of strings; nothing was imported"),
                error.getStatus().getDescription());
        assertEquals(0L, ((Number) entities.createNativeQuery("select count(*) from dataset where name = 'malformed'").getSingleResult()).longValue());
    }

    @Test
    void humanEvalAndTheGenericFormatAreImportedWithTheirOwnIds() {
        Path humanEval = Path.of(System.getProperty("complexitynet.data.dir"), "humaneval", "HumanEval.jsonl").toAbsolutePath().normalize();
        Dataset imported = labeler.importDataset(ImportDatasetRequest.newBuilder().setName("humaneval").setPath(humanEval.toString()).build());
        assertEquals(164, imported.getTasks());
        assertEquals("humaneval", imported.getFormat());
        assertEquals(List.of("HumanEval/0", "[\"check(has_close_elements)\"]"), List.of(entities.createNativeQuery("select t.source_id, t.tests"
                + " from task t join dataset d on d.id = t.dataset_id where d.name = 'humaneval' order by t.id limit 1").getSingleResult())
                .stream().flatMap(row -> Arrays.stream((Object[]) row)).map(String::valueOf).toList());

        Path examples = Path.of(System.getProperty("complexitynet.repo.dir"), "examples", "team-tasks.jsonl");
        Dataset team = labeler.importDataset(ImportDatasetRequest.newBuilder().setName("team-tasks").setPath(examples.toString())
                .setFormat("generic").build());
        assertEquals(10, team.getTasks());
        assertEquals("generic", team.getFormat());

        StatusRuntimeException unknown = refused(() -> labeler.importDataset(ImportDatasetRequest.newBuilder().setName("csv")
                .setPath(examples.toString()).setFormat("csv").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, unknown.getStatus().getCode());
        assertEquals("format: 'csv' is not a data set format; use one of mbpp, humaneval, generic", unknown.getStatus().getDescription());
        StatusRuntimeException misnamed = refused(() -> labeler.importDataset(ImportDatasetRequest.newBuilder().setName("misnamed")
                .setPath(examples.toString()).setFormat("mbpp").build()));
        assertEquals("path: team-tasks.jsonl line 1: task_id must be a non-negative integer; nothing was imported",
                misnamed.getStatus().getDescription());
    }

    @Test
    void onlyFilesOfTheImportDirectoryAreReadAndTheirContentIsNeverEchoed() throws Exception {
        for (String path : List.of("/etc/passwd", "/dev/zero", "/proc/self/environ")) {
            StatusRuntimeException error = refused(() -> labeler.importDataset(ImportDatasetRequest.newBuilder()
                    .setName("stolen").setPath(path).build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
            assertEquals("path: is outside the labeler's import directory (labeler.import.directory)", error.getStatus().getDescription());
        }
        Path secret = Files.write(Path.of("target", "secret.jsonl").toAbsolutePath(), List.of("sk-live-0123456789 is the key"));
        StatusRuntimeException error = refused(() -> labeler.importDataset(ImportDatasetRequest.newBuilder()
                .setName("secret").setPath(secret.toString()).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
        assertTrue(error.getStatus().getDescription().contains("line 1: not valid JSON"), error.getStatus().getDescription());
        assertFalse(error.getStatus().getDescription().contains("sk-live"), error.getStatus().getDescription());
    }

    @Test
    void requestsNamingUnknownThingsAreRefused() {
        StatusRuntimeException unknownDataset = refused(() -> labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("nope").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, unknownDataset.getStatus().getCode());
        assertEquals("dataset: no data set named 'nope'", unknownDataset.getStatus().getDescription());

        StatusRuntimeException unknownModel = refused(() -> labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("nope")
                .addModels("gpt-5").build()));
        assertTrue(unknownModel.getStatus().getDescription().startsWith("models: unknown model 'gpt-5'"));

        assertEquals(Status.Code.NOT_FOUND, refused(() -> labeler.getJob(GetJobRequest.newBuilder().setJobId("missing").build()))
                .getStatus().getCode());
        assertEquals(Status.Code.NOT_FOUND, refused(() -> labeler.cancelJob(CancelJobRequest.newBuilder().setJobId("missing").build()))
                .getStatus().getCode());
        assertEquals("dataset: give a data set or a job_id", refused(() -> labeler.listLabels(ListLabelsRequest.getDefaultInstance()))
                .getStatus().getDescription());
        assertEquals(Status.Code.ALREADY_EXISTS, importTwice().getStatus().getCode());
    }

    private StatusRuntimeException importTwice() {
        Path mbpp = io.complexitynet.core.testing.MbppSlices.of("twice", java.util.Set.of(11, 12));
        labeler.importDataset(ImportDatasetRequest.newBuilder().setName("twice").setPath(mbpp.toString()).build());
        return refused(() -> labeler.importDataset(ImportDatasetRequest.newBuilder().setName("twice").setPath(mbpp.toString()).build()));
    }

    @Test
    void aCancelledJobCannotBeCancelledAgain() {
        Path slice = io.complexitynet.core.testing.MbppSlices.of("cancel",
                java.util.stream.IntStream.rangeClosed(601, 900).boxed().collect(java.util.stream.Collectors.toSet()));
        labeler.importDataset(ImportDatasetRequest.newBuilder().setName("cancel").setPath(slice.toString()).build());
        String jobId = labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("cancel").build()).getJobId();
        labeler.cancelJob(CancelJobRequest.newBuilder().setJobId(jobId).build());
        StatusRuntimeException again = refused(() -> labeler.cancelJob(CancelJobRequest.newBuilder().setJobId(jobId).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, again.getStatus().getCode());
        assertEquals("job " + jobId + " has already ended (CANCELLED)", again.getStatus().getDescription());
        assertEquals(io.complexitynet.proto.v1.JobState.JOB_STATE_CANCELLED,
                labeler.getJob(GetJobRequest.newBuilder().setJobId(jobId).build()).getState());
    }
}
