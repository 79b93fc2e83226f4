package io.complexitynet.service.resilience;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of a dependency (the database restarting, a connection cut, a pool waiting for one, the broker
 * away) from a failure of the work itself. The first is worth waiting out; the second would fail again however long
 * one waits.
 */
public final class TransientFailures {

    // SQLSTATE classes and codes that say "not now": connection exceptions (08), an administrator's or a crash's
    // shutdown and a server still starting (57P01-03), too many connections, and a transaction lost to a conflict.
    private static final List<String> TRANSIENT_STATES = List.of("08", "57P01", "57P02", "57P03", "53300", "40001", "40P01");
    private static final int MAX_CAUSES = 32;

    // SmallRye's RabbitMQ connector, asked to send while its connection is down (its message ids are stable).
    private static final String CONNECTOR_DISCONNECTED = "SRMSG16003";
    // Vert.x's RabbitMQ publisher fails a send the broker refused with a bare throwable saying so; RabbitMQ refuses
    // only when the queue cannot take it now (a quorum queue without its majority, a queue process failing).
    private static final String VERTX_BARE_FAILURE = "io.vertx.core.impl.NoStackTraceThrowable";
    private static final String BROKER_NACK = "Message publish nacked by the broker";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof SocketException || cause instanceof EOFException || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && (hasTransientState(sql) || isPoolAcquisitionTimeout(sql))) {
                return true;
            }
            if (isBrokerAway(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTransientState(SQLException sql) {
        return sql.getSQLState() != null && TRANSIENT_STATES.stream().anyMatch(sql.getSQLState()::startsWith);
    }

    /**
     * Agroal's pool, still without a free connection when its acquisition timeout ends (every connection held, or none
     * can be made while the database is away), throws a bare SQLException: no SQLState, no cause. Only its origin and
     * its sentence tell it apart; TransientFailuresTest exhausts a real pool to pin both.
     */
    private static boolean isPoolAcquisitionTimeout(SQLException sql) {
        StackTraceElement[] trace = sql.getStackTrace();
        return sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")
                && trace.length > 0 && trace[0].getClassName().startsWith("io.agroal.");
    }

    private static boolean isBrokerAway(Throwable cause) {
        if (cause instanceof IllegalStateException && cause.getMessage() != null && cause.getMessage().startsWith(CONNECTOR_DISCONNECTED)) {
            return true;
        }
        if (cause.getClass().getName().equals(VERTX_BARE_FAILURE) && BROKER_NACK.equals(cause.getMessage())) {
            return true;
        }
        // Only then is the broker's client certainly on the class path (service-support does not require it).
        return cause.getClass().getName().startsWith("com.rabbitmq.client.") && BrokerConnectionLoss.is(cause);
    }
}
