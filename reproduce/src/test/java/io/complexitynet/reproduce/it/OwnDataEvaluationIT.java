package io.complexitynet.reproduce.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complexitynet.auth.testing.AdminToken;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.TaskFormat;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.core.testing.ServiceProcess;
import io.complexitynet.core.testing.TestSchema;
import io.complexitynet.reproduce.application.PaperReproduction;
import io.complexitynet.reproduce.application.ReproductionSettings;
import io.complexitynet.reproduce.domain.DataSet;
import io.complexitynet.reproduce.domain.EvaluationSplit;
import io.complexitynet.reproduce.domain.Reproduction;
import io.complexitynet.reproduce.domain.ReproductionTable;
import io.complexitynet.reproduce.domain.RoutedRun;
import io.complexitynet.reproduce.domain.SyntheticRecordings;
import io.complexitynet.reproduce.grpc.ServiceConnections;
import io.complexitynet.reproduce.grpc.ServiceConnections.Endpoint;
import io.complexitynet.reproduce.report.RecordingsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The generic path end to end: a data set of our own in the generic format (string ids, several tests a task, a
 * reference solution), synthetic recordings of a four-model ladder with k = 3 (flaky answers, unsolved tasks), and the
 * four packaged services configured with that ladder against the real PostgreSQL, RabbitMQ and Keycloak, driven by the
 * evaluation command's own code: import, label (cheapest-passing), train on a seeded fractions split, promote, classify
 * and route the held-out tasks under every policy. The table is named after the data set and the ladder, with no
 * paper column.
 */
class OwnDataEvaluationIT {

    private static final TestSchema SCHEMA = new TestSchema("own_data");
    private static final int ROUTER_PORT = 18480;
    private static final int VERIFIER_PORT = 18481;
    private static final int LABELER_PORT = 18482;
    private static final int TRAINER_PORT = 18483;
    private static final List<PricedModel> LADDER = List.of(new PricedModel("tiny-coder", 1), new PricedModel("small-coder", 3),
            new PricedModel("mid-coder", 10), new PricedModel("large-coder", 30));
    private static final int SAMPLES = 3;
    private static final int TASKS_PER_KIND = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ourOwnTasksAreLabelledTrainedAndRoutedOnAFourModelLadder() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path tasksFile = writeOwnTasks(target.resolve("own-data-tasks.jsonl"));
        DataSet data = DataSet.read(tasksFile, "own-data", Optional.empty());
        assertEquals(TaskFormat.GENERIC, data.format());
        Path recordings = target.resolve("own-data-recordings.jsonl");
        RecordingsFile.write(SyntheticRecordings.of(data.tasks(), LADDER.stream().map(PricedModel::name).toList(), SAMPLES, 1),
                recordings);

        ReproductionSettings settings = new ReproductionSettings(data, List.of(), EvaluationSplit.parse("fractions:0.6/0.2/0.2"),
                SAMPLES, "cheapest-passing", LADDER.stream().map(PricedModel::name).toList(), Optional.of(LADDER.stream().map(PricedModel::costUnits).toList()), 1, 2,
                Duration.ofMinutes(3), Optional.empty());
        KeycloakRealm.ensureRunning();
        Map<String, String> labelerEnvironment = withLadder("LABELER", SCHEMA.serviceEnvironment(true));
        labelerEnvironment.put("LABELER_IMPORT_DIRECTORY", target.toString());
        labelerEnvironment.put("LABELER_REPLAY_FILE", recordings.toString());
        Map<String, String> routerEnvironment = withLadder("ROUTER", SCHEMA.serviceEnvironment(false));
        routerEnvironment.put("QUARKUS_GRPC_CLIENTS_VERIFIER_PORT", Integer.toString(VERIFIER_PORT));
        routerEnvironment.put("ROUTER_DEFAULT_TENANT_ENABLED", "true");
        routerEnvironment.put("ROUTER_REPLAY_FILE", recordings.toString());
        routerEnvironment.put("ROUTER_REPLAY_TASKS", tasksFile.toString());
        routerEnvironment.put("ROUTER_PAPER_POLICY", "model");
        try (ServiceProcess verifier = new ServiceProcess("own-verifier", "verifier-service", VERIFIER_PORT, Map.of()).launch();
             ServiceProcess labeler = new ServiceProcess("own-labeler", "labeler-service", LABELER_PORT, labelerEnvironment).launch()) {
            verifier.awaitReady();
            // The labeler cleans and migrates the schema; the others start on it once it is ready.
            labeler.awaitReady();
            try (ServiceProcess trainer = new ServiceProcess("own-trainer", "trainer-service", TRAINER_PORT, SCHEMA.serviceEnvironment(false))
                         .launch();
                 ServiceProcess router = new ServiceProcess("own-router", "router-service", ROUTER_PORT, routerEnvironment).launch()) {
                trainer.awaitReady();
                Reproduction result;
                try (ServiceConnections services = new ServiceConnections(ServiceConnections.transport(Optional.empty()),
                        new Endpoint("localhost:" + LABELER_PORT, "--labeler", new AdminToken()),
                        new Endpoint("localhost:" + TRAINER_PORT, "--trainer", new AdminToken()),
                        new Endpoint("localhost:" + ROUTER_PORT, "--router", new AdminToken()), new AdminToken())) {
                    result = new PaperReproduction(services, settings, new PrintedProgress("own-data")).run();
                }
                assertEvaluated(result, data.tasks().size());
            }
        }
    }

    private static void assertEvaluated(Reproduction result, int tasks) {
        assertEquals(LADDER, result.ladder());
        assertEquals(tasks, result.labels().labelled(), "every task labelled once");
        assertEquals(0, result.parked());
        assertTrue(result.labels().unsolved() > 0, "the synthetic recordings leave some tasks unsolved");
        assertTrue(result.labels().byComplexity().size() > 1, "the labels spread over the ladder: " + result.labels().byComplexity());
        assertFalse(result.comparesWithPaper());
        assertEquals("own-data test split, ladder tiny-coder → small-coder → mid-coder → large-coder", result.title());
        ReproductionTable table = ReproductionTable.of(result);
        assertFalse(table.withPaper(), "no paper column off MBPP's ladder");
        String markdown = table.toMarkdown();
        assertTrue(markdown.contains("labels (k=3)") && markdown.contains("always large-coder"), markdown);
        int testTasks = result.paper().requests().size();
        assertTrue(testTasks > 0);
        // Every routed run covers the whole test part; the cheapest-first cascades are capped at small- and mid-coder.
        for (RoutedRun run : result.routed()) {
            assertEquals(testTasks, run.requests().size(), run.policy());
            assertTrue(run.passRate() <= 1 && run.passRate() >= 0, run.policy());
        }
        assertEquals(List.of("cheapest first + cascade up to small-coder", "cheapest first + cascade up to mid-coder"),
                result.cappedCascades().stream().map(RoutedRun::policy).toList());
        assertTrue(result.paperCascade().passRate() >= result.paper().passRate(), "the cascade lost passes");
        assertTrue(result.known().always(0).passRate() < 1, "the smallest model fails some test tasks");
        assertTrue(result.known().oracle().passRate() > result.known().always(0).passRate(),
                "the synthetic ladder's larger models solve more than the smallest");
    }

    /** The ladder as the services' environment names it: {@code <PREFIX>_MODELS_<i>__NAME} and so on. */
    private static Map<String, String> withLadder(String prefix, Map<String, String> environment) {
        Map<String, String> withLadder = new HashMap<>(environment);
        for (int i = 0; i < LADDER.size(); i++) {
            withLadder.put(prefix + "_MODELS_" + i + "__NAME", LADDER.get(i).name());
            withLadder.put(prefix + "_MODELS_" + i + "__BACKEND", "replay");
            withLadder.put(prefix + "_MODELS_" + i + "__COST_UNITS_PER_1K", Double.toString(LADDER.get(i).costUnits()));
        }
        return withLadder;
    }

    /**
     * Eighty small tasks written for this test, four kinds of twenty, in the generic format: string ids, a prompt, two
     * tests and a reference solution each.
     */
    private static Path writeOwnTasks(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= TASKS_PER_KIND; i++) {
            lines.add(task("arith/scale-" + i, "Write a function scale(x) that returns x multiplied by " + i + ".",
                    List.of("assert scale(3) == " + 3 * i, "assert scale(-2) == " + -2 * i), "def scale(x):\n    return x * " + i + "\n"));
            lines.add(task("text/repeat-" + i, "Write a function repeat_word(word) that returns the word repeated " + i
                            + " times, joined by dashes.",
                    List.of("assert repeat_word('ab') == '" + String.join("-", Collections.nCopies(i, "ab")) + "'",
                            "assert repeat_word('') == '" + "-".repeat(i - 1) + "'"),
                    "def repeat_word(word):\n    return '-'.join([word] * " + i + ")\n"));
            lines.add(task("lists/take-last-" + i, "Write a function take_last(items) that returns the last " + i
                            + " items of a list, in their order.",
                    List.of("assert take_last(list(range(30))) == list(range(" + (30 - i) + ", 30))", "assert take_last([]) == []"),
                    "def take_last(items):\n    return list(items[-" + i + ":])\n"));
            lines.add(task("math/multiples-" + i, "Write a function count_multiples(n) that counts the whole numbers from 1 to n"
                            + " that are divisible by " + (i + 1) + ".",
                    List.of("assert count_multiples(100) == " + 100 / (i + 1), "assert count_multiples(0) == 0"),
                    "def count_multiples(n):\n    return n // " + (i + 1) + "\n"));
        }
        Files.write(file, lines);
        return file;
    }

    private static String task(String id, String prompt, List<String> tests, String reference) throws IOException {
        ObjectNode task = JSON.createObjectNode().put("id", id).put("prompt", prompt).put("reference_solution", reference);
        ArrayNode testStatements = task.putArray("tests");
        tests.forEach(testStatements::add);
        return JSON.writeValueAsString(task);
    }
}
