package io.complexitynet.embedded.broker;

import java.util.Locale;

/** How an exchange picks the queues a message goes to; the two kinds the services declare. */
public enum ExchangeType {
    /** To the queues bound with exactly the message's routing key. */
    DIRECT,
    /** To every queue bound to the exchange, whatever the key. */
    FANOUT;

    public static ExchangeType parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("exchange type '" + name + "' is not routed in process; use direct or fanout");
        }
    }
}
