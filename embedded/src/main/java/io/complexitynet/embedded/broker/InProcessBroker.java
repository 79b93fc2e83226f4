package io.complexitynet.embedded.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The broker's routing for services that share one JVM: exchanges route published messages to the queues bound to
 * them, and queues deliver them with acknowledgements, redelivery and dead-lettering, as RabbitMQ does for the
 * deployed services. Nothing is durable: what is queued when the JVM stops is gone, which is why only the embedded
 * mode uses it. A message published where no queue is bound is dropped, as a broker drops it.
 */
public final class InProcessBroker {

    private record Binding(String exchange, String routingKey, BrokerQueue queue) {
    }

    private final Map<String, ExchangeType> exchanges = new HashMap<>();
    private final Map<String, BrokerQueue> queues = new HashMap<>();
    private final List<Binding> bindings = new ArrayList<>();

    /** Declares an exchange; declaring it again with the same type is a no-op, with another type an error. */
    public synchronized void declareExchange(String name, ExchangeType type) {
        ExchangeType existing = exchanges.putIfAbsent(name, type);
        if (existing != null && existing != type) {
            throw new IllegalArgumentException("exchange " + name + " is " + existing.name().toLowerCase()
                    + ", it cannot be declared " + type.name().toLowerCase() + " as well");
        }
    }

    /** Declares a queue; a queue declared again is the same queue (its first declaration's settings hold). */
    public synchronized BrokerQueue declareQueue(QueueSpec spec) {
        return queues.computeIfAbsent(spec.name(), name -> new BrokerQueue(spec, this));
    }

    public synchronized void bind(String queue, String exchange, String routingKey) {
        BrokerQueue target = queues.get(queue);
        if (target == null) {
            throw new IllegalArgumentException("queue " + queue + " is not declared");
        }
        if (!exchanges.containsKey(exchange)) {
            throw new IllegalArgumentException("exchange " + exchange + " is not declared");
        }
        Binding binding = new Binding(exchange, routingKey, target);
        if (!bindings.contains(binding)) {
            bindings.add(binding);
        }
    }

    public void publish(String exchange, String routingKey, Object payload) {
        Set<BrokerQueue> targets = new LinkedHashSet<>();
        synchronized (this) {
            ExchangeType type = exchanges.get(exchange);
            if (type == null) {
                throw new IllegalArgumentException("exchange " + exchange + " is not declared");
            }
            for (Binding binding : bindings) {
                if (binding.exchange().equals(exchange) && (type == ExchangeType.FANOUT || binding.routingKey().equals(routingKey))) {
                    targets.add(binding.queue());
                }
            }
        }
        targets.forEach(queue -> queue.enqueue(payload));
    }
}
