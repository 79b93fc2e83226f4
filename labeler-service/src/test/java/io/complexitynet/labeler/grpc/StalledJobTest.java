package io.complexitynet.labeler.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.MbppSlices;
import io.complexitynet.labeler.testing.LabelerAsAdmin;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.complexitynet.testing.VerifierResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A running job whose work messages are lost on the real broker: once its open tasks have not moved for
 * labeler.work.stall-after, its outstanding work is sent again, and the job completes with every task labelled once.
 */
@QuarkusTest
@TestProfile(StalledJobTest.ShortStall.class)
@QuarkusTestResource(VerifierResource.class)
@QuarkusTestResource(KeycloakResource.class)
class StalledJobTest extends LabelerAsAdmin {

    public static class ShortStall implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("labeler.work.stall-after", "4s");
        }
    }

    private static final int TASKS = 20;

    private long count(String sql, String jobId) {
        return ((Number) entities.createNativeQuery(sql).setParameter(1, jobId).getSingleResult()).longValue();
    }

    @Test
    void aJobWhoseWorkMessagesAreLostCompletesWithEveryTaskLabelledOnce() throws Exception {
        Set<Integer> ids = IntStream.range(41, 41 + TASKS).boxed().collect(Collectors.toSet());
        labeler.importDataset(ImportDatasetRequest.newBuilder().setName("stalled").setPath(MbppSlices.of("stalled", ids).toString()).build());
        AtomicInteger lost = new AtomicInteger();
        String jobId;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        // A purge races the labeler, which takes a message within milliseconds; a second consumer that acknowledges and
        // drops what the broker hands it loses some of the job's messages for certain, as a queue lost in an outage would.
        try (Connection connection = factory.newConnection("work-thief"); Channel channel = connection.createChannel()) {
            CountDownLatch first = new CountDownLatch(1);
            String thief = channel.basicConsume("labeling-work", true, (tag, delivery) -> {
                lost.incrementAndGet();
                first.countDown();
            }, tag -> {
            });
            jobId = labeler.startLabeling(StartLabelingRequest.newBuilder().setDataset("stalled").setStartedBy("stalled-job-test").build())
                    .getJobId();
            assertTrue(first.await(30, TimeUnit.SECONDS), "no work message was lost");
            channel.basicCancel(thief);
        }
        assertTrue(lost.get() > 0);

        LabelingJob done = awaitEnd(jobId, 120);
        assertEquals(JobState.JOB_STATE_COMPLETED, done.getState(), done::toString);
        assertEquals(TASKS, done.getTasksDone());
        assertEquals(0, done.getParkedCount());
        assertEquals(3 * TASKS, done.getSamplesVerified());
        assertEquals(3L * TASKS, count("select count(*) from sample where job_id = ?1", jobId));
        assertEquals(TASKS, count("select count(*) from task_label where job_id = ?1", jobId));
    }
}
