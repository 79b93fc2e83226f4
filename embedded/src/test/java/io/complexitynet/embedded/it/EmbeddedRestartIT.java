package io.complexitynet.embedded.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.testing.ServiceProcess;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ModelPassCount;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged embedded mode killed with SIGKILL in the middle of labelling MBPP, then started again on the same H2
 * file: its in-process queues lost what they held, the work of the running job is sent again at start, and the job
 * finishes with every task labelled and every sample verified once.
 */
class EmbeddedRestartIT {

    private static final int PORT = 18097;
    private static final Path DATA = Path.of(System.getProperty("complexitynet.data.dir"), "mbpp");
    private static final Path DATABASE = Path.of("target", "h2-restart-it").toAbsolutePath();

    private static Map<String, String> environment() {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + DATABASE.resolve("complexitynet")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                "LABELER_REPLAY_FILE", DATA.resolve("generations.jsonl").toString(),
                "ROUTER_REPLAY_FILE", DATA.resolve("generations.jsonl").toString(),
                "ROUTER_REPLAY_TASKS", DATA.resolve("mbpp.jsonl").toString(),
                // What is tested is the resumed job, not its probes: without them the sandbox has half the runs.
                "LABELER_PROBE_ENABLED", "false");
    }

    private static LabelingJob job(String jobId) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", PORT).usePlaintext().build();
        try {
            return LabelerGrpc.newBlockingStub(channel).getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void killedMidJobTheEmbeddedModeResumesTheJobFromItsDatabase() throws Exception {
        deleteDatabase();
        String jobId;
        int labelledBeforeKill = 0;
        ServiceProcess first = new ServiceProcess("embedded-restart-it", "embedded", PORT, environment()).start();
        try {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", PORT).usePlaintext().build();
            try {
                LabelerGrpc.LabelerBlockingStub labeler = LabelerGrpc.newBlockingStub(channel);
                labeler.importDataset(ImportDatasetRequest.newBuilder().setName("mbpp").setPath(DATA.resolve("mbpp.jsonl").toString()).build());
                jobId = labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("mbpp").build()).getJobId();
            } finally {
                channel.shutdownNow();
            }
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (labelledBeforeKill < 100 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                labelledBeforeKill = job(jobId).getTasksDone();
            }
        } finally {
            first.kill();
        }

        try (ServiceProcess restarted = new ServiceProcess("embedded-restart-it", "embedded", PORT, environment()).start()) {
            LabelingJob resumed = job(jobId);
            assertEquals(JobState.JOB_STATE_RUNNING, resumed.getState(), resumed::toString);
            // What GetJob reported before the kill was committed, so it is still there.
            assertTrue(resumed.getTasksDone() >= labelledBeforeKill && resumed.getTasksDone() < 973,
                    "labelled before the kill: " + labelledBeforeKill + ", after the restart: " + resumed.getTasksDone());

            long deadline = System.nanoTime() + 240_000_000_000L;
            LabelingJob done = resumed;
            while (done.getState() == JobState.JOB_STATE_RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(250);
                done = job(jobId);
            }
            assertEquals(JobState.JOB_STATE_COMPLETED, done.getState(), done::toString);
            // Task 440 has no recorded GPT answers and is parked; every other task is labelled, each sample verified once.
            assertEquals(973, done.getTasksDone());
            assertEquals(1, done.getParkedCount());
            assertEquals(3 * 973, done.getSamplesVerified());
            for (ModelPassCount model : done.getPassesList()) {
                assertEquals(973, model.getTries(), model::toString);
            }
        }
    }

    private static void deleteDatabase() throws IOException {
        if (Files.exists(DATABASE)) {
            try (Stream<Path> files = Files.walk(DATABASE)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
