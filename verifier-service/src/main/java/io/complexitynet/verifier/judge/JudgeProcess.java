package io.complexitynet.verifier.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.verifier.sandbox.ProcessTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One long-lived judge interpreter, spoken to in JSON lines; used by one caller at a time. */
final class JudgeProcess implements AutoCloseable {

    private final Process process;
    private final Writer requests;
    private final BufferedReader responses;
    private final ObjectMapper json;
    private final ExecutorService reader;

    JudgeProcess(List<String> command, ObjectMapper json, ExecutorService reader) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        this.process = builder.start();
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.responses = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.json = json;
        this.reader = reader;
    }

    /** Sends one request and waits for its answer; any failure leaves this process unusable. */
    JsonNode ask(Object request, Duration timeout) throws IOException, TimeoutException {
        requests.write(json.writeValueAsString(request));
        requests.write('\n');
        requests.flush();
        Future<String> line = reader.submit(responses::readLine);
        try {
            String answer = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new IOException("the judge process ended");
            }
            return json.readTree(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the judge", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("reading from the judge failed", e.getCause());
        } finally {
            line.cancel(true);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        ProcessTree.kill(process);
    }
}
