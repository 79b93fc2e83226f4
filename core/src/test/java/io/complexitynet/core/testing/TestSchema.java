package io.complexitynet.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A schema of the local test database (PostgreSQL 127.0.0.1:5432, database test) that packaged services
 * run in during a test, so they share nothing with other tests' data. Needs the PostgreSQL driver at run time.
 */
public record TestSchema(String name) {

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name;
    }

    /** A new map, for the caller to add to: environment pointing a packaged service at this schema; with {@code clean}, Flyway empties it first. */
    public Map<String, String> serviceEnvironment(boolean clean) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        env.put("QUARKUS_FLYWAY_SCHEMAS", name);
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", Boolean.toString(!clean));
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", Boolean.toString(clean));
        return env;
    }

    /** The single number {@code sql} selects, with {@code parameter} bound to its one placeholder. */
    public long count(String sql, String parameter) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
