package io.complexitynet.service.resilience;

import com.rabbitmq.client.ShutdownSignalException;

/**
 * The RabbitMQ client's word for a connection that went away (the broker stopped, restarted or was cut off), whether
 * met in flight or on a channel already closed by it. A channel closed for what was sent on it (an exchange that does
 * not exist) is the work's own failure. Loaded only for the client's exceptions, so that a service without a broker
 * never needs its classes.
 */
final class BrokerConnectionLoss {

    private BrokerConnectionLoss() {
    }

    static boolean is(Throwable cause) {
        return cause instanceof ShutdownSignalException shutdown && shutdown.isHardError();
    }
}
