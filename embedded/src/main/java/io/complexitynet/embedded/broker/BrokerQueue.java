package io.complexitynet.embedded.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A queue with a broker's delivery contract: each message goes to one consumer at a time, at most {@code prefetch}
 * unacknowledged at once; a rejected message is redelivered until its delivery limit, then dead-lettered.
 */
public final class BrokerQueue {

    private record Envelope(Object payload, int failedDeliveries) {
    }

    private final QueueSpec spec;
    private final InProcessBroker broker;
    private final Deque<Envelope> ready = new ArrayDeque<>();
    private final List<Consumer<Delivery>> consumers = new ArrayList<>();
    private int unacknowledged;
    private int nextConsumer;
    private boolean delivering;

    BrokerQueue(QueueSpec spec, InProcessBroker broker) {
        this.spec = spec;
        this.broker = broker;
    }

    public String name() {
        return spec.name();
    }

    /** Messages waiting for a consumer (not those handed out and unacknowledged). */
    public synchronized int depth() {
        return ready.size();
    }

    /** Adds a consumer; deliveries go round-robin to the queue's consumers. Returns what removes it again. */
    public Runnable subscribe(Consumer<Delivery> consumer) {
        synchronized (this) {
            consumers.add(consumer);
        }
        deliverWhatFits();
        return () -> {
            synchronized (this) {
                consumers.remove(consumer);
            }
        };
    }

    void enqueue(Object payload) {
        synchronized (this) {
            ready.addLast(new Envelope(payload, 0));
        }
        deliverWhatFits();
    }

    // Consumers are called outside the lock, and one may acknowledge on the calling thread: that nested call (or one
    // from another thread while a delivery is under way) leaves the work to the loop already running, which looks again.
    private void deliverWhatFits() {
        synchronized (this) {
            if (delivering) {
                return;
            }
            delivering = true;
        }
        try {
            while (true) {
                Consumer<Delivery> consumer;
                Envelope envelope;
                synchronized (this) {
                    if (ready.isEmpty() || consumers.isEmpty() || unacknowledged >= spec.prefetch()) {
                        delivering = false;
                        return;
                    }
                    envelope = ready.pollFirst();
                    unacknowledged++;
                    consumer = consumers.get(nextConsumer++ % consumers.size());
                }
                consumer.accept(new HandedOut(envelope));
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                delivering = false;
            }
            throw e;
        }
    }

    private void settle(Envelope envelope, boolean acknowledged) {
        boolean deadLettered = false;
        synchronized (this) {
            unacknowledged--;
            if (!acknowledged) {
                int failed = envelope.failedDeliveries() + 1;
                if (spec.deliveryLimit().isPresent() && failed > spec.deliveryLimit().getAsInt()) {
                    deadLettered = true;
                } else {
                    ready.addLast(new Envelope(envelope.payload(), failed));
                }
            }
        }
        if (deadLettered) {
            spec.deadLetter().ifPresent(to -> broker.publish(to.exchange(), to.routingKey(), envelope.payload()));
        }
        deliverWhatFits();
    }

    private final class HandedOut implements Delivery {
        private final Envelope envelope;
        private final AtomicBoolean settled = new AtomicBoolean();

        HandedOut(Envelope envelope) {
            this.envelope = envelope;
        }

        @Override
        public Object payload() {
            return envelope.payload();
        }

        @Override
        public int failedDeliveries() {
            return envelope.failedDeliveries();
        }

        @Override
        public void ack() {
            if (settled.compareAndSet(false, true)) {
                settle(envelope, true);
            }
        }

        @Override
        public void reject() {
            if (settled.compareAndSet(false, true)) {
                settle(envelope, false);
            }
        }
    }
}
