package io.complexitynet.trainer.messaging;

import com.google.protobuf.MessageLite;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Broker messages carrying a complexitynet.v1 protobuf payload, persistent so a broker restart keeps them. */
final class ProtobufMessages {

    private static final int PERSISTENT = 2;

    private ProtobufMessages() {
    }

    static Message<byte[]> of(MessageLite payload, String messageId) {
        return Message.of(payload.toByteArray()).addMetadata(OutgoingRabbitMQMetadata.builder()
                .withContentType("application/x-protobuf").withDeliveryMode(PERSISTENT).withMessageId(messageId).build());
    }
}
