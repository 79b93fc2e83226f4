package io.complexitynet.embedded.broker;

/** One message handed to a consumer; it stays the queue's until acknowledged or rejected. */
public interface Delivery {

    Object payload();

    /** How many times this message was delivered and rejected before. */
    int failedDeliveries();

    /** Done with it: the queue forgets the message. */
    void ack();

    /** Not done: the message goes back to the queue, or to its dead letter once the delivery limit is used up. */
    void reject();
}
