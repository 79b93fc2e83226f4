package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.Sandbox;
import io.complexitynet.verifier.domain.SandboxRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local sandbox: {@code concurrency} long-lived bubblewrap sandboxes, each with a supervisor
 * that forks a fresh interpreter process per candidate from a clean, pre-started one. Starting a
 * sandbox and an interpreter per candidate costs more than most MBPP programs take to run; the
 * fork keeps each candidate in its own process with its own limits, and between candidates the
 * supervisor kills everything the last one started and empties its working directory.
 */
public final class BubblewrapSandbox implements Sandbox, AutoCloseable {

    private final List<String> command;
    private final boolean isolated;
    private final int reportBytes;
    private final int outputBytes;
    private final List<String> preload;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdogs;
    private final BlockingQueue<SupervisorProcess> idle = new LinkedBlockingQueue<>();
    private final AtomicLong starts = new AtomicLong();
    private final AtomicLong supervisorStarts = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();

    public BubblewrapSandbox(SandboxCommand command, int concurrency, int reportBytes, int outputBytes, List<String> preload) {
        this.command = command.argv(RunnerScript.SUPERVISOR.source(), "serve");
        this.isolated = command.isolated();
        this.reportBytes = reportBytes;
        this.outputBytes = outputBytes;
        this.preload = List.copyOf(preload);
        this.workers = Executors.newFixedThreadPool(concurrency, daemon("sandbox-worker"));
        this.watchdogs = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-watchdog"));
        for (int i = 0; i < concurrency; i++) {
            try {
                idle.add(startSupervisor());
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("could not start the local sandbox", e);
            }
        }
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
        SupervisorProcess supervisor = idle.poll();
        try {
            if (supervisor == null) {
                supervisor = startSupervisor();
            }
            return supervisor.run(run, watchdogs);
        } catch (IOException e) {
            return RunOutcome.sandboxFailure("could not start the sandbox: " + e.getMessage(), Duration.ZERO);
        } finally {
            running.decrementAndGet();
            if (supervisor != null && supervisor.alive()) {
                idle.add(supervisor);
            } else if (supervisor != null) {
                supervisor.close();
            }
        }
    }

    private SupervisorProcess startSupervisor() throws IOException {
        supervisorStarts.incrementAndGet();
        return SupervisorProcess.start(command, reportBytes, outputBytes, preload);
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
        return isolated ? "bubblewrap" : "unsafe-local";
    }

    /** Candidate processes started since the service started. */
    public long starts() {
        return starts.get();
    }

    /** Sandboxes (supervisors) started, including replacements for any that died. */
    public long supervisorStarts() {
        return supervisorStarts.get();
    }

    /** Candidates running right now. */
    public int running() {
        return running.get();
    }

    /** Lets running candidates finish (each is bounded by its wall-clock limit), then kills the sandboxes. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(70, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdogs.shutdownNow();
        for (SupervisorProcess supervisor; (supervisor = idle.poll()) != null; ) {
            supervisor.close();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
