package io.complexitynet.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migrations also run on H2 in PostgreSQL mode, the embedded mode's database, and its identity columns
 * number as PostgreSQL's do. The services' HQL (conflict-free inserts, usage upserts) reaches H2 through
 * Hibernate's H2 dialect: embedded/'s tests run it there.
 */
class MigrationsOnH2Test {

    private static final String URL = "jdbc:h2:mem:labels;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void migrationsRunOnH2() throws Exception {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection db = DriverManager.getConnection(URL, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("insert into dataset (name, source, imported_at) values ('d', 'f', current_timestamp)");
            sql.execute("insert into task (dataset_id, source_id, prompt, setup_code, tests, reference_code)"
                    + " values (1, '11', 'p', '', '[]', '')");
            sql.execute("insert into labeling_job (id, dataset_id, models, samples_per_model, temperature, rule_id, reliable_pass_rate,"
                    + " rule_version, state, tasks_total, started_by, created_at) values ('j', 1, 'a,b', 1, 0, 'paper5', 0.8, 'v', 'RUNNING', 1,"
                    + " 'test', current_timestamp)");
            sql.execute("insert into training_job (id, labeling_job_id, parameters, state, stage, progress, started_by, created_at)"
                    + " values ('t', 'j', '{}', 'RUNNING', 'queued', 0, 'test', current_timestamp)");
            sql.execute("insert into complexity_model (id, training_job_id, labeling_job_id, data_fingerprint, parameters, ladder, metrics,"
                    + " report, artifact, created_by, created_at) values ('m', 't', 'j', 'f', '{}', 'a,b', '{}', '', X'CAFE', 'test',"
                    + " current_timestamp)");
            assertEquals(1, count(sql, "select version from complexity_model where id = 'm'"));
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
