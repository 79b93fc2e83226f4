package io.complexitynet.service.messaging;

import com.google.protobuf.MessageLite;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Broker messages carrying a complexitynet.v1 protobuf payload, persistent so a broker restart keeps them. */
public final class ProtobufMessages {

    public static final String CONTENT_TYPE = "application/x-protobuf";
    private static final int PERSISTENT = 2;

    private ProtobufMessages() {
    }

    public static Message<byte[]> of(MessageLite payload, String messageId) {
        return Message.of(payload.toByteArray()).addMetadata(metadata(messageId));
    }

    /** The answer to a message, acknowledged (or not) with it. */
    public static Message<byte[]> answering(Message<?> incoming, MessageLite payload, String messageId) {
        return incoming.withPayload(payload.toByteArray()).addMetadata(metadata(messageId));
    }

    private static OutgoingRabbitMQMetadata metadata(String messageId) {
        return OutgoingRabbitMQMetadata.builder().withContentType(CONTENT_TYPE).withDeliveryMode(PERSISTENT)
                .withMessageId(messageId).build();
    }
}
