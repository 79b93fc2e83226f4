package io.complexitynet.service.resilience;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of a dependency (the database restarting, a connection cut, a pool waiting for one) from a
 * failure of the work itself. The first is worth waiting out; the second would fail again however long one waits.
 */
public final class TransientFailures {

    // SQLSTATE classes and codes that say "not now": connection exceptions (08), an administrator's or a crash's
    // shutdown and a server still starting (57P01-03), too many connections, and a transaction lost to a conflict.
    private static final List<String> TRANSIENT_STATES = List.of("08", "57P01", "57P02", "57P03", "53300", "40001", "40P01");
    private static final int MAX_CAUSES = 32;

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
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
