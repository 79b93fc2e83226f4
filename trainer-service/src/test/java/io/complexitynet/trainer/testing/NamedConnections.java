package io.complexitynet.trainer.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * A trainer of its own (a freshly cleaned schema, so the models other tests count are not disturbed) whose database
 * connections carry an application name, so that a test cuts exactly the trainer's connections, as a database
 * restart would, and no other process's on the shared PostgreSQL.
 */
public class NamedConnections implements QuarkusTestProfile {

    private static final String APPLICATION_NAME = "trainer-under-test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName", APPLICATION_NAME);
    }

    /** Ends every connection the trainer holds (pg_terminate_backend); returns how many. */
    public static int cut() throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             PreparedStatement terminate = admin.prepareStatement(
                     "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?) cut")) {
            terminate.setString(1, APPLICATION_NAME);
            try (ResultSet cut = terminate.executeQuery()) {
                cut.next();
                return cut.getInt(1);
            }
        }
    }
}
