package io.complexitynet.core.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A consumer stand-in for a fan-out event (labels-updated, model-promoted): its own exclusive queue on
 * the exchange of the local RabbitMQ, read with the plain AMQP client.
 */
public final class FanoutListener<T> implements AutoCloseable {

    /** Turns a message body into the event. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] body) throws Exception;
    }

    private final Connection connection;
    private final BlockingQueue<T> events = new LinkedBlockingQueue<>();

    public FanoutListener(String exchange, Decoder<T> decoder) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        connection = factory.newConnection(exchange + "-listener");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "fanout", true);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, "");
        channel.basicConsume(queue, true, (tag, delivery) -> {
            try {
                events.add(decoder.decode(delivery.getBody()));
            } catch (Exception e) {
                throw new IllegalStateException("undecodable event on " + exchange, e);
            }
        }, tag -> { });
    }

    /** The next event that matches, skipping others; null if none arrives in time. */
    public T next(Predicate<T> wanted, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            T event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && wanted.test(event)) {
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
