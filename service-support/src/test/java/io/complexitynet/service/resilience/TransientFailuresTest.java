package io.complexitynet.service.resilience;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
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
    }
}
