package io.complexitynet.labeler.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The label database's migrations and its idempotent inserts and upserts also run on H2, the embedded mode's database. */
class H2SchemaTest {

    private static final String URL = "jdbc:h2:mem:labels;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void migrationsAndRepeatedInsertsRunOnH2() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("insert into dataset (name, source, imported_at) values ('d', 'f', current_timestamp)");
            sql.execute("insert into task (dataset_id, source_id, prompt, setup_code, tests, reference_code)"
                    + " values (1, '11', 'p', '', '[]', '')");
            sql.execute("insert into labeling_job (id, dataset_id, models, samples_per_model, temperature, rule_id, reliable_pass_rate,"
                    + " rule_version, state, tasks_total, started_by, created_at) values ('j', 1, 'a,b', 1, 0, 'paper5', 0.8, 'v', 'RUNNING', 1,"
                    + " 'test', current_timestamp)");
            for (int i = 0; i < 2; i++) {
                sql.execute("insert into sample (job_id, task_id, model, sample_index, completion, prompt_tokens, completion_tokens,"
                        + " latency_millis, created_at) values ('j', 1, 'a', 0, 'x', 0, 0, 0, current_timestamp)"
                        + " on conflict do nothing");
                sql.execute("insert into task_label (job_id, task_id, pass_counts, tries, complexity, rule_version, created_at)"
                        + " values ('j', 1, '[]', 1, null, 'v', current_timestamp) on conflict do nothing");
            }
            assertEquals(1, count(sql, "select count(*) from sample"));
            assertEquals(1, count(sql, "select count(*) from task_label"));

            sql.execute("insert into training_job (id, labeling_job_id, parameters, state, stage, progress, started_by, created_at)"
                    + " values ('t', 'j', '{}', 'RUNNING', 'queued', 0, 'test', current_timestamp)");
            sql.execute("insert into complexity_model (id, training_job_id, labeling_job_id, data_fingerprint, parameters, ladder, metrics,"
                    + " report, artifact, created_by, created_at) values ('m', 't', 'j', 'f', '{}', 'a,b', '{}', '', X'CAFE', 'test',"
                    + " current_timestamp) on conflict do nothing");
            assertEquals(1, count(sql, "select version from complexity_model where id = 'm'"));

            // The router's usage upsert, as RouteLedger writes it: update; if no row, insert on conflict do nothing.
            for (int i = 0; i < 2; i++) {
                int updated = sql.executeUpdate("update tenant_usage set requests = requests + 1, cost_units = cost_units + 2.5"
                        + " where tenant = 'acme' and usage_day = current_date and model = 'a'");
                if (updated == 0) {
                    sql.execute("insert into tenant_usage (tenant, usage_day, model, requests, prompt_tokens, completion_tokens,"
                            + " cost_units) values ('acme', current_date, 'a', 1, 0, 0, 2.5) on conflict do nothing");
                }
            }
            assertEquals(2, count(sql, "select requests from tenant_usage where tenant = 'acme'"));
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
