package io.complexitynet.embedded.database;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Moves every identity column of the H2 file past its table's largest value before anything is written. After the
 * JVM is killed, H2 can reopen the file with an identity behind rows it had already committed (seen: samples up to
 * id 777 on disk, the next id handed out 769), and an {@code insert ... on conflict do nothing} that draws a taken id
 * is silently dropped, leaving a task that never gets all its samples. PostgreSQL never hands an identity out twice,
 * so only the embedded mode needs this.
 */
@ApplicationScoped
class IdentityRealignment {

    private static final Logger LOG = Logger.getLogger(IdentityRealignment.class);

    private record IdentityColumn(String table, String column, long next) {
    }

    private final DataSource database;

    IdentityRealignment(DataSource database) {
        this.database = database;
    }

    // Before the labeler's dispatcher and the messaging consumers, which observe the same event.
    void realign(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (IdentityColumn identity : identityColumns(statement)) {
                long largest;
                try (ResultSet max = statement.executeQuery("select coalesce(max(" + identity.column() + "), 0) from "
                        + identity.table())) {
                    max.next();
                    largest = max.getLong(1);
                }
                if (largest >= identity.next()) {
                    statement.execute("alter table " + identity.table() + " alter column " + identity.column()
                            + " restart with " + (largest + 1));
                    LOG.warnf("%s.%s would have handed out %d again (largest %d, as after a killed JVM); restarted at %d",
                            identity.table(), identity.column(), identity.next(), largest, largest + 1);
                }
            }
        }
    }

    private static List<IdentityColumn> identityColumns(Statement statement) throws SQLException {
        List<IdentityColumn> columns = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("select table_name, column_name, identity_base from information_schema.columns"
                + " where is_identity = 'YES' and table_schema = current_schema")) {
            while (rows.next()) {
                columns.add(new IdentityColumn(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
        }
        return columns;
    }
}
