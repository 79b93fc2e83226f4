package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.SandboxRun;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * One long-lived local sandbox: {@code sandbox/supervisor.py} in serve mode under bubblewrap, which
 * forks a fresh candidate process and a fresh judge per candidate and answers with one record each. Used by one thread at a
 * time. The supervisor enforces each candidate's limits; a watchdog here kills the whole sandbox
 * if the supervisor itself does not answer in time.
 */
final class SupervisorProcess implements AutoCloseable {

    /** Time the supervisor gets beyond a candidate's wall limit to sweep up and answer. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(5);
    private static final int MAX_HEADER_BYTES = 256;

    private final Process process;
    private final Path workDir;
    private final OutputStream requests;
    private final InputStream records;
    private final int maxBodyBytes;
    private final int reportBytes;
    private int nextIndex;

    private SupervisorProcess(Process process, Path workDir, int reportBytes, int maxBodyBytes) {
        this.process = process;
        this.workDir = workDir;
        this.requests = process.getOutputStream();
        this.records = new BufferedInputStream(process.getInputStream());
        this.reportBytes = reportBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Starts the sandbox and hands the supervisor its caps, the runner, the judge and the standard-library
     * modules to import before forking (what many candidates import, at no cost). It starts in a private
     * directory of its own: the supervisor empties its working directory between candidates, and
     * without bubblewrap (unsafe mode) that is this directory, never the service's.
     */
    static SupervisorProcess start(List<String> command, int reportBytes, int outputBytes, List<String> preload) throws IOException {
        Path workDir = Files.createTempDirectory("cn-sandbox-");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            removeTree(workDir);
            throw e;
        }
        // The supervisor re-encodes what it forwards as UTF-8, which can grow invalid bytes threefold.
        SupervisorProcess supervisor = new SupervisorProcess(process, workDir, reportBytes, 3 * (reportBytes + outputBytes) + 4096);
        byte[] runner = RunnerScript.RUNNER.source().getBytes(StandardCharsets.UTF_8);
        byte[] judge = RunnerScript.JUDGE.source().getBytes(StandardCharsets.UTF_8);
        byte[] modules = String.join(",", preload).getBytes(StandardCharsets.UTF_8);
        try {
            supervisor.requests.write(("CN-SERVE " + reportBytes + " " + outputBytes + " " + runner.length + " "
                    + judge.length + " " + modules.length + "\n").getBytes(StandardCharsets.UTF_8));
            supervisor.requests.write(runner);
            supervisor.requests.write(judge);
            supervisor.requests.write(modules);
            supervisor.requests.flush();
        } catch (IOException e) {
            supervisor.close();
            throw e;
        }
        return supervisor;
    }

    RunOutcome run(SandboxRun run, ScheduledExecutorService watchdogs) {
        long started = System.nanoTime();
        long wallMillis = run.limits().wallTime().toMillis();
        AtomicBoolean overdue = new AtomicBoolean();
        ScheduledFuture<?> watchdog = watchdogs.schedule(() -> {
            overdue.set(true);
            close();
        }, wallMillis + ANSWER_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            byte[] candidate = SandboxInputs.candidate(run);
            byte[] judge = SandboxInputs.judge(run, reportBytes);
            requests.write((wallMillis + " " + candidate.length + " " + judge.length + "\n").getBytes(StandardCharsets.UTF_8));
            requests.write(candidate);
            requests.write(judge);
            requests.flush();
            return readRecord();
        } catch (IOException e) {
            close();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (overdue.get()) {
                return new RunOutcome(RunOutcome.Termination.TIMED_OUT, -1, "", elapsed,
                        "the sandbox supervisor did not answer in time and was killed");
            }
            return RunOutcome.sandboxFailure("the sandbox ended during the run: " + e.getMessage(), elapsed);
        } finally {
            watchdog.cancel(false);
        }
    }

    private RunOutcome readRecord() throws IOException {
        String line = readLine();
        if (line.startsWith(SupervisorRecord.FAILED_TAG)) {
            throw new IOException("the supervisor stopped: " + line.substring(SupervisorRecord.FAILED_TAG.length()));
        }
        Optional<SupervisorRecord> parsed = line.startsWith(SupervisorRecord.RESULT_TAG)
                ? SupervisorRecord.parseFields(line.substring(SupervisorRecord.RESULT_TAG.length()))
                : Optional.empty();
        SupervisorRecord header = parsed.filter(h -> h.index() == nextIndex)
                .filter(h -> (long) h.reportLength() + h.detailLength() <= maxBodyBytes)
                .orElseThrow(() -> new IOException("unexpected answer from the supervisor: " + line));
        nextIndex++;
        String report = new String(readExactly(header.reportLength()), StandardCharsets.UTF_8);
        String detail = new String(readExactly(header.detailLength()), StandardCharsets.UTF_8);
        if (records.read() != '\n') {
            throw new IOException("the supervisor's record " + header.index() + " is not terminated");
        }
        return header.outcome(report, detail);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = records.read();
            if (b < 0) {
                throw new EOFException("the sandbox exited");
            }
            if (b == '\n') {
                // A failure report starts on a line of its own, so a blank line may come first.
                if (line.size() > 0) {
                    return line.toString(StandardCharsets.UTF_8);
                }
                continue;
            }
            if (line.size() >= MAX_HEADER_BYTES) {
                throw new IOException("the supervisor's record header is too long");
            }
            line.write(b);
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] bytes = records.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the sandbox exited in the middle of a record");
        }
        return bytes;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills the sandbox and everything in it, and removes its directory. */
    @Override
    public void close() {
        ProcessTree.kill(process);
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Still exiting: what it leaves in its directory is left for the OS's temp cleanup.
        }
        removeTree(workDir);
    }

    private static void removeTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a temp directory the sandbox could not use is harmless.
        }
    }
}
