package io.complexitynet.labeler.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.complexitynet.proto.v1.LabelsUpdated;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A trainer stand-in: its own queue on the labels-updated fan-out exchange, read with the plain AMQP client. */
public final class LabelsUpdatedListener implements AutoCloseable {

    private final Connection connection;
    private final BlockingQueue<LabelsUpdated> events = new LinkedBlockingQueue<>();

    public LabelsUpdatedListener() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        connection = factory.newConnection("labels-updated-listener");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare("complexitynet.labels-updated", "fanout", true);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, "complexitynet.labels-updated", "");
        channel.basicConsume(queue, true, (tag, delivery) -> events.add(LabelsUpdated.parseFrom(delivery.getBody())), tag -> { });
    }

    /** The next event for this job, skipping others; null if none arrives in time. */
    public LabelsUpdated next(String jobId, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            LabelsUpdated event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && event.getJobId().equals(jobId)) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
