package io.complexitynet.labeler.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.AdminToken;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.core.testing.LocalPostgres;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.core.testing.ServiceProcess;
import io.complexitynet.core.testing.TestSchema;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted (stop -m fast, down 8 s, start) in the middle of a labelling job run by the packaged labeler and
 * verifier: the labeler is not ready while its database is down and ready again after; the outage is waited out,
 * not burnt through the queues' delivery limits, and the job completes with every task labelled exactly once and
 * nothing parked.
 */
// Tasks 451-650: every model's answer to each was recorded.
class DatabaseRestartIT {

    private static final TestSchema SCHEMA = new TestSchema("labeler_restart_it");
    private static final int LABELER_PORT = 18097;
    private static final int TASKS = 200;

    @Test
    void aJobOutlivesADatabaseRestartWithEveryTaskLabelledOnce() throws Exception {
        Set<Integer> taskIds = IntStream.rangeClosed(451, 450 + TASKS).boxed().collect(Collectors.toSet());
        String dataset = MbppSlices.of("mbpp-database-restart", taskIds).toString();
        KeycloakRealm.ensureRunning();
        Map<String, String> environment = SCHEMA.serviceEnvironment(true);
        environment.put("LABELER_IMPORT_DIRECTORY", Path.of("target").toAbsolutePath().toString());
        environment.put("LABELER_REPLAY_FILE", System.getProperty("complexitynet.data.dir", "../../shared/data") + "/mbpp/generations.jsonl");
        try (ServiceProcess verifier = new ServiceProcess("verifier-restart-it", "verifier-service", 18098, Map.of()).start();
             ServiceProcess labeler = new ServiceProcess("labeler-restart-it", "labeler-service", LABELER_PORT, environment).start()) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", LABELER_PORT).usePlaintext().build();
            try {
                LabelerGrpc.LabelerBlockingStub api = LabelerGrpc.newBlockingStub(channel).withInterceptors(new AdminToken());
                api.importDataset(ImportDatasetRequest.newBuilder().setName("restart").setPath(dataset).build());
                String jobId = api.startLabeling(StartLabelingRequest.newBuilder().setDataset("restart").build()).getJobId();
                awaitLabels(jobId, 30);

                long labelsBefore = SCHEMA.count("select count(*) from task_label where job_id = ?", jobId);
                LocalPostgres.stop();
                try {
                    Thread.sleep(Duration.ofSeconds(8).toMillis());
                    assertEquals(503, readiness(), "ready while its database is down");
                } finally {
                    LocalPostgres.start();
                }
                long back = System.nanoTime();
                awaitReadiness(200);
                assertTrue(labelsBefore < TASKS, "the job ended before the restart: " + labelsBefore);

                LabelingJob job = api.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (job.getState() == JobState.JOB_STATE_RUNNING && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    job = api.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
                }
                assertEquals(JobState.JOB_STATE_COMPLETED, job.getState(), job::toString);
                assertEquals(TASKS, job.getTasksDone(), job::toString);
                assertEquals(0, job.getParkedCount(), job::toString);
                assertEquals(3L * TASKS, SCHEMA.count("select count(*) from sample where job_id = ?", jobId));
                assertEquals(3L * TASKS, SCHEMA.count("select count(*) from sample where job_id = ? and verdict is not null", jobId));
                assertEquals(TASKS, SCHEMA.count("select count(*) from task_label where job_id = ?", jobId));
                System.out.printf("database restart: %d of %d tasks labelled before it; the job completed %.1f s after the database"
                        + " came back%n", labelsBefore, TASKS, (System.nanoTime() - back) / 1e9);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static int readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + LABELER_PORT + "/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitReadiness(int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (readiness() != status) {
            assertTrue(System.nanoTime() < deadline, "readiness not " + status + " within 60 s of the database's start");
            Thread.sleep(100);
        }
    }

    private static void awaitLabels(String jobId, long labels) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (SCHEMA.count("select count(*) from task_label where job_id = ?", jobId) < labels) {
            assertTrue(System.nanoTime() < deadline, "no " + labels + " labels within 60 s");
            Thread.sleep(50);
        }
    }
}
