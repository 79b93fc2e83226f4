package io.complexitynet.service.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aDatabaseThatIsDownRestartingOrBusyIsTransient() {
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("Connection refused", "08001"))));
        assertTrue(TransientFailures.isTransient(new IllegalStateException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("Acquisition timeout", new TimeoutException()))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("could not serialize access", "40001"))));
    }

    @Test
    void aFailureOfTheWorkItselfIsNot() {
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("duplicate key value", "23505"))));
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("not a protobuf message")));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("no state"))));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))),
                "the sentence alone, not thrown by the pool");
    }

    @Test
    void aRealPoolWithNoConnectionFreeWithinItsAcquisitionTimeoutIsTransient() throws Exception {
        // The timeout covers opening the held connection too, which on a cold, busy JVM (loading H2) can take a second.
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofSeconds(3))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl("jdbc:h2:mem:exhausted")));
        try (AgroalDataSource dataSource = AgroalDataSource.from(configuration); var held = dataSource.getConnection()) {
            SQLException timedOut = assertThrows(SQLException.class, dataSource::getConnection);

            assertTrue(TransientFailures.isTransient(timedOut), timedOut::toString);
            assertTrue(TransientFailures.isTransient(new RuntimeException("Unable to acquire JDBC Connection", timedOut)),
                    "as Hibernate wraps it");
        }
    }

    @Test
    void aBrokerConnectionCutUnderThePublisherIsTransient() throws Exception {
        try (BrokerLink link = new BrokerLink("127.0.0.1", 5672)) {
            Connection connection = connect(link.port());
            Channel channel = connection.createChannel();
            link.cut();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // The channel learns of the closed connection after the connection does: a publish in between still succeeds.
            while ((connection.isOpen() || channel.isOpen()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            AlreadyClosedException closed = assertThrows(AlreadyClosedException.class,
                    () -> channel.basicPublish("", "complexitynet.transient-failures-test", null, new byte[] {1}));

            assertTrue(TransientFailures.isTransient(new RuntimeException(closed)), closed::toString);
        }
    }

    @Test
    void aChannelClosedForWhatWasSentOnItIsNot() throws Exception {
        try (Connection connection = connect(5672)) {
            Channel channel = connection.createChannel();
            channel.basicPublish("complexitynet.no-such-exchange", "", null, new byte[] {1});
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (channel.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            AlreadyClosedException closed = assertThrows(AlreadyClosedException.class,
                    () -> channel.basicPublish("complexitynet.no-such-exchange", "", null, new byte[] {1}));

            assertFalse(TransientFailures.isTransient(closed), closed::toString);
        }
    }

    @Test
    void theBrokersConnectorAndPublisherSayingTheBrokerIsAwayAreTransient() {
        // The sentences SmallRye's RabbitMQ connector and Vert.x's publisher fail a send with (their ids are stable).
        assertTrue(TransientFailures.isTransient(new IllegalStateException("SRMSG16003: AMQP Connection disconnected")));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new io.vertx.core.impl.NoStackTraceThrowable(
                "Message publish nacked by the broker"))));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("SRMSG16001: only one subscriber allowed")));
    }

    private static Connection connect(int port) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection();
    }
}
