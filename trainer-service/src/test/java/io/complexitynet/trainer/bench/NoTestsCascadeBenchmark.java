package io.complexitynet.trainer.bench;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.domain.ClassifierInput;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.RecordedAnswer;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.embedding.PromptEncoders;
import io.complexitynet.model.embedding.StaticMiniLmPromptEncoder;
import io.complexitynet.model.training.CascadeTarget;
import io.complexitynet.model.training.NoTestsCascade;
import io.complexitynet.model.training.NoTestsCascadeReport;
import io.complexitynet.model.training.Trainer;
import io.complexitynet.model.training.TrainingProgress;
import io.complexitynet.model.training.TrainingReport;
import io.complexitynet.trainer.report.MarkdownReport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The no-tests cascade on MBPP with the labeler's recorded test-free runs: reads the latest completed labelling job whose
 * samples carry probe outcomes from a label database (by default the labeler's test schema, where its
 * {@code MbppLabelingBenchmark} leaves one; read only), trains a model on MBPP's split with the answer scorer as the trainer
 * does, and prints the report's no-tests cascade section and how long the probes took in the sandbox.
 *
 * <pre>
 * mvn -pl labeler-service test -Dtest=MbppLabelingBenchmark -Dexcluded.groups= -Dsurefire.failIfNoSpecifiedTests=false
 * mvn -pl trainer-service test -Dtest=NoTestsCascadeBenchmark -Dexcluded.groups= -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Dcomplexitynet.labels.jdbc-url=...} reads another database or schema; {@code -Dcomplexitynet.no-tests-cascade.min-cost-cut}
 * sets the cost-cut target (default 0.9), {@code -Dcomplexitynet.no-tests-cascade.min-solved-pass-rate} a pass-rate target instead.
 */
@Tag("benchmark")
class NoTestsCascadeBenchmark {

    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void trainsTheAnswerScorerOnALabellingJobWithRecordedProbes() throws Exception {
        TRIBUO.setLevel(Level.WARNING);
        String url = System.getProperty("complexitynet.labels.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=labeler_test");
        String minPass = System.getProperty("complexitynet.no-tests-cascade.min-solved-pass-rate");
        CascadeTarget target = minPass != null ? new CascadeTarget.SolvedPassRate(Double.parseDouble(minPass))
                : new CascadeTarget.CostCut(Double.parseDouble(System.getProperty("complexitynet.no-tests-cascade.min-cost-cut",
                        Double.toString(NoTestsCascade.DEFAULT_MIN_COST_CUT))));
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            String job = probedJob(db);
            List<PricedModel> ladder = ladder(db, job);
            List<LabelledTask> tasks = labels(db, job);
            List<RecordedAnswer> answers = answers(db, job, ladder);
            System.out.printf(Locale.ROOT, "labelling job %s: %d labels, %d probed answers; %s%n", job, tasks.size(), answers.size(),
                    probeTime(db, job));
            PromptEncoder encoder = PromptEncoders.builtIn().named(StaticMiniLmPromptEncoder.ID);
            TrainingReport report = new Trainer(encoder, target).train(tasks, answers, ladder, DataSplit.mbpp(),
                    TrainingParameters.defaults(), TrainingProgress.ignored()).report();
            String markdown = MarkdownReport.render(report);
            System.out.println(markdown.substring(markdown.indexOf("## Routing"), markdown.indexOf("## Timings")));
            NoTestsCascadeReport.Trained trained = assertInstanceOf(NoTestsCascadeReport.Trained.class, report.noTestsCascade());
            System.out.println("scorer: " + trained.scorer());
        }
    }

    private static String probedJob(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select j.id from labeling_job j where j.state = 'COMPLETED' and exists"
                + " (select 1 from sample s where s.job_id = j.id and s.probe_kind is not null) order by j.finished_at desc limit 1");
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no completed labelling job with recorded probes in this database: run the labeler's"
                        + " MbppLabelingBenchmark (labeler.probe.enabled=true) first");
            }
            return row.getString(1);
        }
    }

    private static List<PricedModel> ladder(Connection db, String job) throws SQLException {
        List<PricedModel> ladder = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select models from labeling_job where id = ?")) {
            query.setString(1, job);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                for (String name : Arrays.asList(row.getString(1).split(","))) {
                    try (PreparedStatement cost = db.prepareStatement("select cost_units_per_1k from model where name = ?")) {
                        cost.setString(1, name);
                        try (ResultSet units = cost.executeQuery()) {
                            units.next();
                            ladder.add(new PricedModel(name, units.getDouble(1)));
                        }
                    }
                }
            }
        }
        return ladder;
    }

    private static List<LabelledTask> labels(Connection db, String job) throws Exception {
        List<LabelledTask> tasks = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select t.source_id, t.prompt, t.tests, l.pass_counts, l.complexity from"
                + " task_label l join task t on t.id = l.task_id where l.job_id = ? order by t.id")) {
            query.setString(1, job);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    List<String> tests = JSON.readValue(row.getString(3), new TypeReference<List<String>>() { });
                    List<ModelPasses> passes = JSON.readValue(row.getString(4), new TypeReference<List<ModelPasses>>() { });
                    Integer complexity = (Integer) row.getObject(5);
                    tasks.add(new LabelledTask(row.getString(1), ClassifierInput.of(row.getString(2), tests), complexity, passes));
                }
            }
        }
        return tasks;
    }

    private static List<RecordedAnswer> answers(Connection db, String job, List<PricedModel> ladder) throws SQLException {
        List<String> names = ladder.stream().map(PricedModel::name).toList();
        List<RecordedAnswer> answers = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select t.source_id, s.model, s.sample_index, length(s.completion), s.verdict,"
                + " s.probe_kind, s.probe_calls, s.probe_calls_returned from sample s join task t on t.id = s.task_id"
                + " where s.job_id = ? and s.verdict is not null and (s.probe_kind is not null or length(s.completion) = 0)")) {
            query.setString(1, job);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    // As the trainer reads them (LabelSources): an empty answer, never run, stands as one that did not load.
                    ProbeOutcome probe = row.getString(6) == null ? ProbeOutcome.ofEmptyAnswer()
                            : new ProbeOutcome(ProbeOutcome.Kind.valueOf(row.getString(6)), row.getInt(7), row.getInt(8));
                    answers.add(new RecordedAnswer(row.getString(1), names.indexOf(row.getString(2)), row.getInt(3), row.getInt(4),
                            "PASSED".equals(row.getString(5)), probe));
                }
            }
        }
        return answers;
    }

    private static String probeTime(Connection db, String job) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select avg(probe_millis), percentile_cont(0.5) within group (order by"
                + " probe_millis), percentile_cont(0.95) within group (order by probe_millis) from sample where job_id = ?"
                + " and probe_millis is not null")) {
            query.setString(1, job);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return String.format(Locale.ROOT, "test-free run in the sandbox: mean %.0f ms, median %.0f ms, 95th percentile %.0f ms",
                        row.getDouble(1), row.getDouble(2), row.getDouble(3));
            }
        }
    }
}
