package io.complexitynet.core.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A consumer stand-in on an exchange of the local RabbitMQ: its own exclusive queue, bound to a fan-out event's
 * exchange (labels-updated, model-promoted) or with a routing key to a direct one (verification-results), read
 * with the plain AMQP client. Sees what is published after it was made.
 */
public final class ExchangeListener<T> implements AutoCloseable {

    /** Turns a message body into the event. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] body) throws Exception;
    }

    private final Connection connection;
    private final BlockingQueue<T> events = new LinkedBlockingQueue<>();

    /** On a fan-out exchange. */
    public ExchangeListener(String exchange, Decoder<T> decoder) throws Exception {
        this(exchange, "fanout", "", decoder);
    }

    /** On a direct exchange, for the messages published with {@code routingKey}. */
    public ExchangeListener(String exchange, String routingKey, Decoder<T> decoder) throws Exception {
        this(exchange, "direct", routingKey, decoder);
    }

    private ExchangeListener(String exchange, String type, String routingKey, Decoder<T> decoder) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        connection = factory.newConnection(exchange + "-listener");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, type, true);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, routingKey);
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

    /** Publishes {@code body} on {@code exchange} with {@code routingKey}, as a service would (persistent). */
    public void publish(String exchange, String routingKey, byte[] body) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.basicPublish(exchange, routingKey, MessageProperties.PERSISTENT_BASIC, body);
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
