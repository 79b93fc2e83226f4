package io.complexitynet.labeler.messaging;

import com.google.protobuf.MessageLite;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Broker messages carrying a complexitynet.v1 protobuf payload, persistent so a broker restart keeps them. */
final class ProtobufMessages {

    static final String CONTENT_TYPE = "application/x-protobuf";
    private static final int PERSISTENT = 2;

    private ProtobufMessages() {
    }

    static Message<byte[]> of(MessageLite payload, String messageId) {
        return Message.of(payload.toByteArray()).addMetadata(OutgoingRabbitMQMetadata.builder()
                .withContentType(CONTENT_TYPE).withDeliveryMode(PERSISTENT).withMessageId(messageId).build());
    }
}
