package io.complexitynet.verifier.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.verifier.domain.Candidate;
import io.complexitynet.verifier.domain.InvalidRequestException;
import io.complexitynet.verifier.domain.Judge;
import io.complexitynet.verifier.domain.Probe;
import io.complexitynet.verifier.domain.TestOutcome;
import io.complexitynet.verifier.domain.TestPlan;
import io.complexitynet.verifier.domain.VerifierUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * The judge as a pool of sandboxed Python processes ({@code sandbox/judge.py}). Python's own
 * parser splits the tests and Python's own semantics evaluate them, in processes that never
 * load candidate code. A process that fails or hangs is replaced.
 */
public final class PythonJudge implements Judge, AutoCloseable {

    private final List<String> command;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "judge-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<JudgeProcess> idle;

    public PythonJudge(List<String> command, int processes, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.idle = new ArrayBlockingQueue<>(processes);
        for (int i = 0; i < processes; i++) {
            idle.add(start());
        }
    }

    @Override
    public TestPlan plan(Candidate candidate) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", "plan");
        request.put("code", candidate.code());
        request.put("setup", candidate.setupCode());
        request.put("tests", candidate.tests());
        JsonNode answer = ask(request);
        if (answer.has("invalid")) {
            throw new InvalidRequestException(answer.get("invalid").get("field").asText(),
                    answer.get("invalid").get("problem").asText());
        }
        List<Probe> probes = new ArrayList<>();
        for (JsonNode probe : answer.get("probes")) {
            probes.add(new Probe(Probe.Kind.ofCode(probe.get("kind").asText()), probe.get("source").asText()));
        }
        List<TestPlan.Check> checks = new ArrayList<>();
        for (JsonNode check : answer.get("checks")) {
            List<Integer> indexes = new ArrayList<>();
            check.get("probes").forEach(index -> indexes.add(index.asInt()));
            JsonNode residual = check.get("residual");
            checks.add(new TestPlan.Check(indexes, residual.isNull() ? null : residual.asText()));
        }
        return new TestPlan(probes, checks);
    }

    @Override
    public List<TestOutcome> judge(TestPlan plan, Map<Integer, String> probeValues) {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (TestPlan.Check check : plan.checks()) {
            Map<String, Object> wire = new LinkedHashMap<>();
            wire.put("probes", check.probeIndexes());
            wire.put("residual", check.residual());
            checks.add(wire);
        }
        Map<String, String> values = new LinkedHashMap<>();
        probeValues.forEach((index, value) -> values.put(index.toString(), value));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", "judge");
        request.put("checks", checks);
        request.put("values", values);
        List<TestOutcome> outcomes = new ArrayList<>();
        for (JsonNode outcome : ask(request).get("outcomes")) {
            outcomes.add(switch (outcome.get("state").asText()) {
                case "held" -> new TestOutcome.Held();
                case "failed" -> new TestOutcome.Failed(outcome.get("message").asText());
                case "raised" -> new TestOutcome.Raised(outcome.get("type").asText(), outcome.get("message").asText());
                default -> new TestOutcome.Missing();
            });
        }
        return outcomes;
    }

    private JsonNode ask(Object request) {
        JudgeProcess process;
        try {
            process = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerifierUnavailableException("interrupted waiting for a judge process");
        }
        try {
            JsonNode answer = process.ask(request, timeout);
            if (answer.has("error")) {
                throw new VerifierUnavailableException("the judge failed: " + answer.get("error").asText());
            }
            return answer;
        } catch (IOException | TimeoutException e) {
            process.close();
            process = start();
            throw new VerifierUnavailableException("the judge did not answer (" + e.getClass().getSimpleName()
                    + "); it was restarted, retry the batch");
        } finally {
            idle.add(process);
        }
    }

    private JudgeProcess start() {
        try {
            return new JudgeProcess(command, json, readers);
        } catch (IOException e) {
            throw new VerifierUnavailableException("could not start a judge process: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        for (JudgeProcess process : idle) {
            process.close();
        }
        readers.shutdownNow();
    }
}
