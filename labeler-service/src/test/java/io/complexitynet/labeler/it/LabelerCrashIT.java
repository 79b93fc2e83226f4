package io.complexitynet.labeler.it;

import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.core.testing.ServiceProcess;
import io.complexitynet.core.testing.TestSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.AdminToken;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The packaged labeler killed with SIGKILL in the middle of a job, then started again as two
 * replicas, with two verifier replicas throughout: the job resumes from the database and the
 * broker, the replicas share its work, and it finishes with every sample and label stored once.
 */
// Tasks 451-750: every model's answer to each was recorded (440 is the one that was not).
class LabelerCrashIT {

    private static final TestSchema SCHEMA = new TestSchema("labeler_it");
    private static final int LABELER_PORT = 18094;
    private static final int SECOND_LABELER_PORT = 18096;
    private static final int TASKS = 300;

    private static Map<String, String> labelerEnvironment(boolean cleanDatabase) {
        Map<String, String> env = SCHEMA.serviceEnvironment(cleanDatabase);
        env.put("LABELER_IMPORT_DIRECTORY", Path.of("target").toAbsolutePath().toString());
        env.put("LABELER_REPLAY_FILE", System.getProperty("complexitynet.data.dir", "../../shared/data") + "/mbpp/generations.jsonl");
        return env;
    }

    private static long count(String sql, String jobId) throws SQLException {
        return SCHEMA.count(sql, jobId);
    }

    private static double tasksLabelled(ServiceProcess labeler) throws Exception {
        return counter(labeler, "labeler_tasks_labelled_total");
    }

    /** A counter of one replica, summed over its tags, from its Prometheus endpoint. */
    private static double counter(ServiceProcess service, String name) throws Exception {
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + service.port() + "/q/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void killedMidJobTheLabelerResumesOnTwoReplicasWithNothingLostOrDuplicated() throws Exception {
        Set<Integer> taskIds = IntStream.rangeClosed(451, 450 + TASKS).boxed().collect(Collectors.toSet());
        String dataset = MbppSlices.of("mbpp-labeler-crash", taskIds).toString();
        // The packaged labelers check every call's token against the realm, from their first start.
        KeycloakRealm.ensureRunning();
        try (ServiceProcess verifier = new ServiceProcess("verifier-it", "verifier-service", 18093, Map.of()).launch();
             ServiceProcess secondVerifier = new ServiceProcess("verifier-it-2", "verifier-service", 18095, Map.of()).launch()) {
            verifier.awaitReady();
            secondVerifier.awaitReady();
            ServiceProcess labeler = new ServiceProcess("labeler-it", "labeler-service", LABELER_PORT, labelerEnvironment(true)).start();
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", LABELER_PORT).usePlaintext().build();
            String jobId;
            try {
                // Packaged (prod mode), a refused call still says why; quarkus-grpc alone would send no description.
                StatusRuntimeException anonymous = assertThrows(StatusRuntimeException.class,
                        () -> LabelerGrpc.newBlockingStub(channel).getJob(GetJobRequest.newBuilder().setJobId("any").build()));
                assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
                assertEquals("no bearer token: send the metadata 'authorization: Bearer <access token>'",
                        anonymous.getStatus().getDescription());
                LabelerGrpc.LabelerBlockingStub api = LabelerGrpc.newBlockingStub(channel).withInterceptors(new AdminToken());
                api.importDataset(ImportDatasetRequest.newBuilder().setName("crash").setPath(dataset).build());
                jobId = api.startLabeling(StartLabelingRequest.newBuilder().setDataset("crash").build()).getJobId();
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (count("select count(*) from task_label where job_id = ?", jobId) < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                labeler.kill();
            } finally {
                channel.shutdownNow();
            }
            long labelsAtCrash = count("select count(*) from task_label where job_id = ?", jobId);
            assertTrue(labelsAtCrash >= 20 && labelsAtCrash < TASKS, "labels at the crash: " + labelsAtCrash);
            assertEquals(1, count("select count(*) from labeling_job where id = ? and state = 'RUNNING'", jobId));

            // Two replicas resume the job together, sharing its queues.
            try (ServiceProcess restarted = new ServiceProcess("labeler-it", "labeler-service", LABELER_PORT,
                    labelerEnvironment(false)).launch();
                 ServiceProcess second = new ServiceProcess("labeler-it-2", "labeler-service", SECOND_LABELER_PORT,
                         labelerEnvironment(false)).launch()) {
                restarted.awaitReady();
                second.awaitReady();
                ManagedChannel again = ManagedChannelBuilder.forAddress("localhost", LABELER_PORT).usePlaintext().build();
                try {
                    LabelerGrpc.LabelerBlockingStub api = LabelerGrpc.newBlockingStub(again).withInterceptors(new AdminToken());
                    LabelingJob job = api.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
                    long deadline = System.nanoTime() + 180_000_000_000L;
                    while (job.getState() == JobState.JOB_STATE_RUNNING && System.nanoTime() < deadline) {
                        Thread.sleep(250);
                        job = api.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
                    }
                    assertEquals(JobState.JOB_STATE_COMPLETED, job.getState(), job::toString);
                    assertEquals(TASKS, job.getTasksDone());
                    assertTrue(tasksLabelled(restarted) > 0, "the first replica labelled nothing");
                    assertTrue(tasksLabelled(second) > 0, "the second replica labelled nothing");
                    assertTrue(counter(verifier, "verifier_verdicts_total") > 0, "the first verifier judged nothing");
                    assertTrue(counter(secondVerifier, "verifier_verdicts_total") > 0, "the second verifier judged nothing");
                } finally {
                    again.shutdownNow();
                }
            }
            assertEquals(3L * TASKS, count("select count(*) from sample where job_id = ?", jobId));
            assertEquals(3L * TASKS, count("select count(*) from sample where job_id = ? and verdict is not null", jobId));
            assertEquals(TASKS, count("select count(*) from task_label where job_id = ?", jobId));
            assertEquals(TASKS, count("select count(*) from job_task where job_id = ? and state = 'LABELLED'", jobId));
        }
    }
}
