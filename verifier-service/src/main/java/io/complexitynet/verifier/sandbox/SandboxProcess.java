package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.RunOutcome.Termination;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One sandboxed process, watched from outside: its input written, its report and its output
 * read with caps, and the whole process tree killed on the wall-clock limit or an overflow.
 */
final class SandboxProcess {

    private final ExecutorService streams;
    private final int reportBytes;
    private final int outputBytes;

    SandboxProcess(ExecutorService streams, int reportBytes, int outputBytes) {
        this.streams = streams;
        this.reportBytes = reportBytes;
        this.outputBytes = outputBytes;
    }

    RunOutcome run(List<String> command, byte[] input, Duration wallTime) {
        long started = System.nanoTime();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            process = builder.start();
        } catch (IOException e) {
            return RunOutcome.sandboxFailure("could not start the sandbox: " + e.getMessage(), elapsed(started));
        }
        AtomicBoolean overflow = new AtomicBoolean();
        Future<byte[]> report = streams.submit(() -> drain(process.getInputStream(), reportBytes, overflow, process));
        Future<byte[]> output = streams.submit(() -> drain(process.getErrorStream(), outputBytes, overflow, process));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // The process died before reading its input; its exit status says why.
        }
        boolean exited;
        try {
            exited = process.waitFor(wallTime.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return RunOutcome.sandboxFailure("interrupted while the candidate ran", elapsed(started));
        }
        if (!exited) {
            kill(process);
        }
        Duration wall = elapsed(started);
        String reportText = new String(await(report), StandardCharsets.UTF_8);
        byte[] outputHead = await(output);
        if (!exited) {
            return new RunOutcome(Termination.TIMED_OUT, -1, reportText, wall, "");
        }
        if (overflow.get()) {
            return new RunOutcome(Termination.OUTPUT_EXCEEDED, process.exitValue(), reportText, wall, "");
        }
        return new RunOutcome(Termination.EXITED, process.exitValue(), reportText, wall,
                new String(outputHead, 0, Math.min(outputHead.length, 512), StandardCharsets.UTF_8));
    }

    /** Reads a stream to its end, keeping at most {@code cap} bytes; past the cap the process is killed. */
    private static byte[] drain(InputStream in, int cap, AtomicBoolean overflow, Process process) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > cap) {
                    overflow.set(true);
                    kill(process);
                    return kept.toByteArray();
                }
                kept.write(buffer, 0, n);
            }
        }
        return kept.toByteArray();
    }

    private static byte[] await(Future<byte[]> stream) {
        try {
            return stream.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            stream.cancel(true);
            return new byte[0];
        }
    }

    /**
     * Kills the sandbox from outside. bubblewrap runs the candidate as init of its own PID
     * namespace with --die-with-parent, so killing bubblewrap takes every process the candidate made.
     */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
