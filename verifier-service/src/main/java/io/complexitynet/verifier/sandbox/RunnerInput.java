package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Probe;
import io.complexitynet.verifier.domain.SandboxRun;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The runner's standard input: protocol tag, limits, then length-prefixed code, setup and probes
 * (see {@code sandbox/runner.py}). Length prefixes, not delimiters, so no source text can break
 * the framing.
 */
public final class RunnerInput {

    private RunnerInput() {
    }

    public static byte[] encode(SandboxRun run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Limits limits = run.limits();
        line(out, "CN1");
        line(out, limits.cpuSeconds() + " " + limits.memoryBytes() + " " + limits.fileSizeBytes()
                + " " + limits.processes() + " " + limits.openFiles());
        line(out, Integer.toString(run.probes().size()));
        chunk(out, run.code());
        chunk(out, run.setupCode());
        for (Probe probe : run.probes()) {
            line(out, probe.kind().code());
            chunk(out, probe.source());
        }
        return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void chunk(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        line(out, Integer.toString(bytes.length));
        out.writeBytes(bytes);
    }
}
