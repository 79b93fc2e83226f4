package io.complexitynet.embedded.messaging;

import io.complexitynet.embedded.broker.BrokerQueue;
import io.complexitynet.embedded.broker.Delivery;
import io.complexitynet.embedded.broker.ExchangeType;
import io.complexitynet.embedded.broker.InProcessBroker;
import io.complexitynet.embedded.broker.QueueSpec;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import io.smallrye.reactive.messaging.providers.helpers.MultiUtils;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * The services' broker channels served by the {@link InProcessBroker}, for the embedded mode. It reads the same
 * channel attributes the RabbitMQ connector does (exchange name and type, routing keys, queue name, delivery limit,
 * dead-letter exchange, prefetch), so switching a channel over is one line: its {@code connector}. A publish is
 * confirmed once the message is queued, as a broker confirms it, so a producer never waits for its consumer.
 */
@ApplicationScoped
@Connector(InProcessConnector.NAME)
public class InProcessConnector implements InboundConnector, OutboundConnector {

    public static final String NAME = "complexitynet-in-process";
    // Unacknowledged messages a consumer may hold where a channel sets no max-outstanding-messages.
    private static final int DEFAULT_PREFETCH = 64;

    private final InProcessBroker broker = new InProcessBroker();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "in-process-broker");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        delivery.shutdownNow();
    }

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        String channel = config.getValue(CHANNEL_NAME_ATTRIBUTE, String.class);
        String exchange = declareExchange(config, channel);
        String queueName = config.getOptionalValue("queue.name", String.class).orElse(channel);
        // As with RabbitMQ's auto-bind-dlq: the queue dead-letters to that exchange, into a parking queue bound there.
        Optional<QueueSpec.DeadLetter> deadLetter = config.getOptionalValue("auto-bind-dlq", Boolean.class).orElse(false)
                ? config.getOptionalValue("dead-letter-exchange", String.class).map(dlx -> new QueueSpec.DeadLetter(dlx,
                        config.getOptionalValue("dead-letter-routing-key", String.class).orElse(queueName)))
                : Optional.empty();
        OptionalInt deliveryLimit = config.getOptionalValue("queue.x-delivery-limit", Integer.class)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        int prefetch = config.getOptionalValue("max-outstanding-messages", Integer.class).orElse(DEFAULT_PREFETCH);
        BrokerQueue queue = broker.declareQueue(new QueueSpec(queueName, prefetch, deliveryLimit, deadLetter));
        for (String key : config.getOptionalValue("routing-keys", String.class).orElse("").split(",")) {
            broker.bind(queueName, exchange, key.strip());
        }
        deadLetter.ifPresent(dlx -> {
            broker.declareExchange(dlx.exchange(), ExchangeType.DIRECT);
            String parked = config.getOptionalValue("dead-letter-queue-name", String.class).orElse(queueName + ".dlq");
            broker.declareQueue(new QueueSpec(parked, DEFAULT_PREFETCH, OptionalInt.empty(), Optional.empty()));
            broker.bind(parked, dlx.exchange(), dlx.routingKey());
        });
        // Consumers run on the delivery thread, never the publisher's: a publisher inside a gRPC call would otherwise
        // lend its Vert.x context, and with it its request context and EntityManager, to the consumer.
        return Multi.createFrom().<Message<?>>emitter(emitter -> {
            Runnable unsubscribe = queue.subscribe(delivery -> emitter.emit(message(delivery)));
            emitter.onTermination(unsubscribe);
        }).emitOn(delivery);
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        String channel = config.getValue(CHANNEL_NAME_ATTRIBUTE, String.class);
        String exchange = declareExchange(config, channel);
        String routingKey = config.getOptionalValue("default-routing-key", String.class).orElse("");
        return MultiUtils.via((Multi<Message<?>> messages) -> messages.call(message -> {
            broker.publish(exchange, routingKey, message.getPayload());
            return Uni.createFrom().completionStage(message.ack());
        }));
    }

    private String declareExchange(Config config, String channel) {
        String name = config.getOptionalValue("exchange.name", String.class).orElse(channel);
        String type = config.getOptionalValue("exchange.type", String.class)
                .orElseThrow(() -> new IllegalArgumentException("channel " + channel + ": set exchange.type (direct or fanout)"));
        broker.declareExchange(name, ExchangeType.parse(type));
        return name;
    }

    private static Message<?> message(Delivery delivery) {
        return Message.of(delivery.payload(), () -> {
            delivery.ack();
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            delivery.reject();
            return CompletableFuture.completedFuture(null);
        });
    }
}
