package io.complexitynet.router.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.service.persistence.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * What one routed request leaves behind, written in one short JDBC transaction: its usage per model
 * (added to the tenant's row for the day and model) and, for tested requests of tenants that allow it,
 * its samples. All or nothing, so a failed write never leaves usage without its samples or the reverse.
 * Plain JDBC rather than an ORM session: this runs on every request.
 */
@ApplicationScoped
public class RouteLedger {

    /** One model's use by one request. */
    public record Usage(String model, long promptTokens, long completionTokens, double costUnits) {
    }

    /** One verified answer to a routed request; {@code requestId} is the request's id and the attempt's index. */
    public record RoutedSample(String requestId, String tenant, String prompt, List<String> tests, String setupCode, String model,
                               String completion, String verdict, String classifierModelId) {
    }

    private static final String ADD_USAGE = "update tenant_usage set requests = requests + 1, prompt_tokens = prompt_tokens + ?,"
            + " completion_tokens = completion_tokens + ?, cost_units = cost_units + ? where tenant = ? and usage_day = ? and model = ?";
    private static final String FIRST_USAGE = "insert into tenant_usage (tenant, usage_day, model, requests, prompt_tokens,"
            + " completion_tokens, cost_units) values (?, ?, ?, 1, ?, ?, ?) on conflict do nothing";
    private static final String SAMPLE = "insert into routed_sample (request_id, tenant, prompt, tests, setup_code, model, completion,"
            + " verdict, classifier_model_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    private final DataSource database;
    private final ObjectMapper json;

    RouteLedger(DataSource database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    public void record(String tenant, LocalDate day, List<Usage> usage, List<RoutedSample> samples) {
        if (usage.isEmpty() && samples.isEmpty()) {
            return;
        }
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Usage use : usage) {
                    add(connection, tenant, day, use);
                }
                for (RoutedSample sample : samples) {
                    store(connection, sample);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record tenant " + tenant + "'s usage: " + e.getMessage(), e);
        }
    }

    /** How many samples the tenant's requests left. */
    public long samples(String tenant) {
        try (Connection connection = database.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from routed_sample where tenant = ?")) {
            count.setString(1, tenant);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count tenant " + tenant + "'s samples: " + e.getMessage(), e);
        }
    }

    /**
     * Adds to the day's row, creating it on the tenant's first use of the model that day. Two requests
     * may both find no row: the insert that loses finds the winner's row on its second update.
     */
    private static void add(Connection connection, String tenant, LocalDate day, Usage use) throws SQLException {
        if (update(connection, tenant, day, use)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(FIRST_USAGE)) {
            insert.setString(1, tenant);
            insert.setDate(2, Date.valueOf(day));
            insert.setString(3, use.model());
            insert.setLong(4, use.promptTokens());
            insert.setLong(5, use.completionTokens());
            insert.setDouble(6, use.costUnits());
            if (insert.executeUpdate() == 1) {
                return;
            }
        }
        if (!update(connection, tenant, day, use)) {
            throw new IllegalStateException("tenant_usage row for " + tenant + ", " + day + ", " + use.model() + " is neither there nor insertable");
        }
    }

    private static boolean update(Connection connection, String tenant, LocalDate day, Usage use) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(ADD_USAGE)) {
            update.setLong(1, use.promptTokens());
            update.setLong(2, use.completionTokens());
            update.setDouble(3, use.costUnits());
            update.setString(4, tenant);
            update.setDate(5, Date.valueOf(day));
            update.setString(6, use.model());
            return update.executeUpdate() == 1;
        }
    }

    /** A retried request with the same id adds nothing. */
    private void store(Connection connection, RoutedSample sample) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SAMPLE)) {
            insert.setString(1, sample.requestId());
            insert.setString(2, sample.tenant());
            insert.setString(3, sample.prompt());
            insert.setString(4, write(sample.tests()));
            insert.setString(5, sample.setupCode());
            insert.setString(6, sample.model());
            insert.setString(7, sample.completion());
            insert.setString(8, sample.verdict());
            insert.setString(9, sample.classifierModelId());
            insert.setTimestamp(10, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    private String write(List<String> tests) {
        return JsonColumn.write(json, tests);
    }
}
