package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.Sandbox;
import io.complexitynet.verifier.domain.SandboxRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local sandbox: each candidate in a fresh interpreter under bubblewrap, at most
 * {@code concurrency} at a time. Limits are applied by the runner before any candidate code runs;
 * the wall-clock limit is enforced from here.
 */
public final class BubblewrapSandbox implements Sandbox, AutoCloseable {

    private final SandboxCommand command;
    private final ExecutorService workers;
    private final ExecutorService streams;
    private final SandboxProcess process;
    private final AtomicLong starts = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();

    public BubblewrapSandbox(SandboxCommand command, int concurrency, int reportBytes, int outputBytes) {
        this.command = command;
        this.workers = Executors.newFixedThreadPool(concurrency, daemon("sandbox-worker"));
        this.streams = Executors.newCachedThreadPool(daemon("sandbox-stream"));
        this.process = new SandboxProcess(streams, reportBytes, outputBytes);
    }

    @Override
    public List<RunOutcome> run(List<SandboxRun> runs) {
        List<Future<RunOutcome>> pending = new ArrayList<>(runs.size());
        for (SandboxRun run : runs) {
            pending.add(workers.submit(() -> runOne(run)));
        }
        List<RunOutcome> outcomes = new ArrayList<>(runs.size());
        for (Future<RunOutcome> future : pending) {
            outcomes.add(outcomeOf(future));
        }
        return outcomes;
    }

    private RunOutcome runOne(SandboxRun run) {
        starts.incrementAndGet();
        running.incrementAndGet();
        try {
            return process.run(command.argv(RunnerScript.RUNNER.source()), RunnerInput.encode(run), run.limits().wallTime());
        } finally {
            running.decrementAndGet();
        }
    }

    private static RunOutcome outcomeOf(Future<RunOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunOutcome.sandboxFailure("interrupted while waiting for the sandbox", Duration.ZERO);
        } catch (ExecutionException e) {
            return RunOutcome.sandboxFailure("the sandbox failed: " + e.getCause(), Duration.ZERO);
        }
    }

    @Override
    public String name() {
        return command.isolated() ? "bubblewrap" : "unsafe-local";
    }

    /** Sandboxes started since the service started. */
    public long starts() {
        return starts.get();
    }

    /** Candidates running right now. */
    public int running() {
        return running.get();
    }

    /** Lets running candidates finish (each is bounded by its wall-clock limit), then stops the threads. */
    @Override
    public void close() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(70, TimeUnit.SECONDS);
        streams.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
