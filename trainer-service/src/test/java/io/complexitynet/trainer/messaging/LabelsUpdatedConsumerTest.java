package io.complexitynet.trainer.messaging;

import static io.complexitynet.trainer.testing.RecordedLabelingJob.MBPP_DATASET;
import static io.complexitynet.trainer.testing.RecordedLabelingJob.MBPP_JOB;
import static io.complexitynet.trainer.testing.RecordedLabelingJob.ONE_CLASS_JOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.proto.v1.GetModelRequest;
import io.complexitynet.proto.v1.LabelsUpdated;
import io.complexitynet.proto.v1.ListModelsRequest;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.proto.v1.TrainingState;
import io.complexitynet.trainer.persistence.TrainingJobStore;
import io.complexitynet.trainer.testing.JobEnd;
import io.complexitynet.trainer.testing.ParkedCount;
import io.complexitynet.trainer.testing.Poll;
import io.complexitynet.trainer.testing.TrainerAsAdmin;
import io.complexitynet.trainer.testing.TrainerTables;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A trainer that retrains when the labeler announces new labels, once per labelling job however often it hears of it;
 * an event that fails on every delivery is parked and counted, and the events behind it go on.
 */
@QuarkusTest
@TestProfile(LabelsUpdatedConsumerTest.RetrainOnLabelsUpdated.class)
class LabelsUpdatedConsumerTest extends TrainerAsAdmin {

    public static class RetrainOnLabelsUpdated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("trainer.retrain-on-labels-updated", "true");
        }
    }

    private static final String EXCHANGE = "complexitynet.labels-updated";
    private static final int PERSISTENT = 2;
    private static final String PARKED = "trainer.labels-updated.parked";

    @Inject
    TrainingJobStore jobs;

    @Inject
    TrainerTables tables;

    @Inject
    MeterRegistry registry;

    /** The retraining job's id is derived from the labelling job's, which is what makes a repeated event harmless. */
    private static String retrainingJobOf(String labelingJobId) {
        return UUID.nameUUIDFromBytes(("retrain/" + labelingJobId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Test
    void aRepeatedLabelsUpdatedTrainsOneModel() throws Exception {
        recorded.storeMbpp();
        recorded.storeOneClass();
        LabelsUpdated mbpp = LabelsUpdated.newBuilder().setVersion(1).setJobId(MBPP_JOB).setDataset(MBPP_DATASET)
                .setRuleVersion("paper5/v1(reliable>=0.80)").setLabels(963).build();
        // Events are handled one at a time, in order: once the last one's job exists, the repeat was handled as well.
        LabelsUpdated last = mbpp.toBuilder().setJobId(ONE_CLASS_JOB).setDataset("one-class").build();
        publish(List.of(mbpp, mbpp, last));
        assertTrue(Poll.until(Duration.ofSeconds(30), () -> jobs.find(retrainingJobOf(ONE_CLASS_JOB))).isPresent(),
                "the last event started no job");

        TrainingJob job = JobEnd.await(trainer, retrainingJobOf(MBPP_JOB), Duration.ofMinutes(3));
        assertEquals(TrainingState.TRAINING_STATE_SUCCEEDED, job.getState(), job.getFailureReason());
        assertEquals(1, tables.trainingJobsOf(MBPP_JOB));
        ModelInfo model = trainer.getModel(GetModelRequest.newBuilder().setModelId(job.getModelId()).build());
        assertEquals(MBPP_JOB, model.getLabelingJobId());
        assertEquals("labels-updated", model.getCreatedBy());
        // One class cannot train a model: once that job has failed, every request is handled and one model was stored.
        TrainingJob oneClass = JobEnd.await(trainer, retrainingJobOf(ONE_CLASS_JOB), Duration.ofMinutes(1));
        assertEquals(TrainingState.TRAINING_STATE_FAILED, oneClass.getState());
        assertEquals(List.of(model.getModelId()), trainer.listModels(ListModelsRequest.getDefaultInstance()).getModelsList().stream()
                .map(ModelInfo::getModelId).toList());
    }

    @Test
    void anEventFailingOnEveryDeliveryIsParkedAndCountedWithoutHoldingBackTheNext() throws Exception {
        recorded.store("parked-next", "recorded-parked-next", RecordedMbppLabels.records().subList(0, 50));
        double parkedBefore = ParkedCount.of(registry, PARKED);
        // A field that claims five bytes and has one: no LabelsUpdated, on any delivery.
        byte[] truncated = {0x0A, 0x05, 'a'};
        byte[] next = LabelsUpdated.newBuilder().setVersion(1).setJobId("recorded-parked-next").setDataset("parked-next").build()
                .toByteArray();
        publishPayloads(List.of(truncated, next));

        assertTrue(Poll.until(Duration.ofSeconds(30), () -> jobs.find(retrainingJobOf("recorded-parked-next"))).isPresent(),
                "the event behind the failing one started no job");
        assertEquals(parkedBefore + 1, ParkedCount.after(registry, PARKED, parkedBefore));
    }

    private static void publish(List<LabelsUpdated> events) throws Exception {
        publishPayloads(events.stream().map(LabelsUpdated::toByteArray).toList());
    }

    /** As the labeler publishes it: persistent protobuf on the fan-out exchange, each confirmed by the broker. */
    private static void publishPayloads(List<byte[]> payloads) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        try (Connection connection = factory.newConnection("labels-updated-publisher"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(EXCHANGE, "fanout", true);
            channel.confirmSelect();
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/x-protobuf")
                    .deliveryMode(PERSISTENT).build();
            for (byte[] payload : payloads) {
                channel.basicPublish(EXCHANGE, "", properties, payload);
            }
            channel.waitForConfirmsOrDie(10_000);
        }
    }
}
