package io.complexitynet.core.testing;

/**
 * The machine's own RabbitMQ (port 5672), its broker application stopped and started again by a chaos test as a
 * broker restart would: every connection is closed, durable queues and persistent messages stay. Needs root, or
 * sudo without a password, as {@code .ci/run} does to start it.
 */
public final class LocalRabbitMq {

    private LocalRabbitMq() {
    }

    /** Stops the broker application: every client connection is closed. */
    public static void stop() throws InterruptedException {
        RootCommand.run("rabbitmqctl", "stop_app");
    }

    /** Starts it again; returns once it accepts connections. */
    public static void start() throws InterruptedException {
        RootCommand.run("rabbitmqctl", "start_app");
        RootCommand.run("rabbitmqctl", "await_startup");
    }
}
