package io.complexitynet.embedded.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InProcessBrokerTest {

    private final InProcessBroker broker = new InProcessBroker();

    private BrokerQueue queue(String name, int prefetch, OptionalInt limit, Optional<QueueSpec.DeadLetter> deadLetter) {
        return broker.declareQueue(new QueueSpec(name, prefetch, limit, deadLetter));
    }

    @Test
    void aDirectExchangeRoutesByKeyAndAFanoutExchangeToEveryBoundQueue() {
        broker.declareExchange("work", ExchangeType.DIRECT);
        broker.declareExchange("events", ExchangeType.FANOUT);
        BrokerQueue work = queue("work", 10, OptionalInt.empty(), Optional.empty());
        BrokerQueue trainer = queue("trainer.events", 10, OptionalInt.empty(), Optional.empty());
        BrokerQueue router = queue("router.events", 10, OptionalInt.empty(), Optional.empty());
        broker.bind("work", "work", "task");
        broker.bind("trainer.events", "events", "");
        broker.bind("router.events", "events", "");

        broker.publish("work", "task", "a");
        broker.publish("work", "other-key", "dropped, as a broker drops what no binding takes");
        broker.publish("events", "any", "e");

        assertEquals(1, work.depth());
        assertEquals(1, trainer.depth());
        assertEquals(1, router.depth());
    }

    @Test
    void aConsumerHoldsAtMostPrefetchUnacknowledgedMessagesAndGetsMoreAsItAcknowledges() {
        broker.declareExchange("work", ExchangeType.DIRECT);
        BrokerQueue work = queue("work", 2, OptionalInt.empty(), Optional.empty());
        broker.bind("work", "work", "k");
        for (int i = 0; i < 5; i++) {
            broker.publish("work", "k", i);
        }
        List<Delivery> held = new ArrayList<>();
        work.subscribe(held::add);

        assertEquals(List.of(0, 1), held.stream().map(Delivery::payload).toList());
        assertEquals(3, work.depth());
        held.get(0).ack();
        held.get(0).ack();  // a second ack of the same delivery changes nothing
        assertEquals(List.of(0, 1, 2), held.stream().map(Delivery::payload).toList());
        assertEquals(2, work.depth());
    }

    @Test
    void aRejectedMessageIsRedeliveredUntilItsDeliveryLimitThenParked() {
        broker.declareExchange("work", ExchangeType.DIRECT);
        broker.declareExchange("parked", ExchangeType.DIRECT);
        BrokerQueue work = queue("work", 1, OptionalInt.of(2), Optional.of(new QueueSpec.DeadLetter("parked", "work")));
        BrokerQueue parked = queue("work.parked", 1, OptionalInt.empty(), Optional.empty());
        broker.bind("work", "work", "k");
        broker.bind("work.parked", "parked", "work");
        List<Integer> failuresSeen = new ArrayList<>();
        work.subscribe(delivery -> {
            failuresSeen.add(delivery.failedDeliveries());
            delivery.reject();
        });

        broker.publish("work", "k", "poison");

        assertEquals(List.of(0, 1, 2), failuresSeen, "delivered once and redelivered up to the limit of 2 failures");
        assertEquals(0, work.depth());
        assertEquals(1, parked.depth());
    }

    @Test
    void aConsumerThatAcknowledgesWhileBeingCalledGetsEveryMessageOnce() {
        broker.declareExchange("work", ExchangeType.DIRECT);
        BrokerQueue work = queue("work", 1, OptionalInt.empty(), Optional.empty());
        broker.bind("work", "work", "k");
        for (int i = 0; i < 100; i++) {
            broker.publish("work", "k", i);
        }
        List<Object> seen = new ArrayList<>();
        work.subscribe(delivery -> {
            seen.add(delivery.payload());
            delivery.ack();
        });
        assertEquals(100, seen.size());
        assertEquals(0, work.depth());
    }

    @Test
    void contradictionsAreRefusedWithTheNameOfWhatIsWrong() {
        broker.declareExchange("events", ExchangeType.FANOUT);
        IllegalArgumentException retyped = assertThrows(IllegalArgumentException.class,
                () -> broker.declareExchange("events", ExchangeType.DIRECT));
        assertTrue(retyped.getMessage().contains("events is fanout"), retyped.getMessage());
        assertThrows(IllegalArgumentException.class, () -> broker.bind("nowhere", "events", ""));
        assertThrows(IllegalArgumentException.class, () -> broker.publish("unknown", "k", "x"));
        assertThrows(IllegalArgumentException.class, () -> ExchangeType.parse("topic"));
    }
}
