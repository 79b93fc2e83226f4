package io.complexitynet.verifier.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Python sources the sandboxes run, shipped as resources of this module. */
public enum RunnerScript {
    /** Runs the candidate and its probes; shares a process with untrusted code. */
    RUNNER("sandbox/runner.py"),
    /** Plans and judges tests; never runs candidate code. */
    JUDGE("sandbox/judge.py"),
    /** Root of a sandbox: forks a fresh runner per candidate and watches it, in a pod or under bubblewrap. */
    SUPERVISOR("sandbox/supervisor.py");

    private final String resource;
    private volatile String source;

    RunnerScript(String resource) {
        this.resource = resource;
    }

    public String source() {
        String loaded = source;
        if (loaded == null) {
            loaded = load();
            source = loaded;
        }
        return loaded;
    }

    private String load() {
        try (InputStream in = RunnerScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
