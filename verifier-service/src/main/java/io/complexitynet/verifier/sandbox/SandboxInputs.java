package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.SandboxRun;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the two processes of a candidate's run are handed: the candidate's process only its limits and
 * code ({@code sandbox/runner.py}); the judge's its limits, the cap on one answer from the candidate's
 * process, the provided names, the setup and the tests ({@code sandbox/judge.py}). Length prefixes,
 * not delimiters, so no source text can break the framing.
 */
final class SandboxInputs {

    private static final String PROTOCOL = "CN2";

    private SandboxInputs() {
    }

    static byte[] candidate(SandboxRun run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, PROTOCOL);
        line(out, limits(run.limits()));
        chunk(out, run.code());
        return out.toByteArray();
    }

    static byte[] judge(SandboxRun run, int replyBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, PROTOCOL);
        line(out, limits(run.limits()));
        line(out, Integer.toString(replyBytes));
        chunks(out, run.provides());
        chunk(out, run.setupCode());
        chunks(out, run.tests());
        return out.toByteArray();
    }

    private static String limits(Limits limits) {
        return limits.cpuSeconds() + " " + limits.memoryBytes() + " " + limits.fileSizeBytes()
                + " " + limits.processes() + " " + limits.openFiles();
    }

    private static void chunks(ByteArrayOutputStream out, List<String> texts) {
        line(out, Integer.toString(texts.size()));
        texts.forEach(text -> chunk(out, text));
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
