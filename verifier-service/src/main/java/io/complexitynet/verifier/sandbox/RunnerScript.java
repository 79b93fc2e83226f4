package io.complexitynet.verifier.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Python sources the sandboxes run, shipped as resources of this module. */
public enum RunnerScript {
    /** Loads the candidate's code and answers the judge's calls; shares a process with untrusted code. */
    RUNNER("sandbox/plaindata.py", "sandbox/runner.py"),
    /** Runs the setup and the tests against the candidate's answers; never loads candidate code. */
    JUDGE("sandbox/plaindata.py", "sandbox/judge.py"),
    /** Root of a sandbox: forks both processes per candidate and watches them, in a pod or under bubblewrap. */
    SUPERVISOR("sandbox/supervisor.py");

    private final List<String> resources;
    private volatile String source;

    RunnerScript(String... resources) {
        this.resources = List.of(resources);
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
        StringBuilder text = new StringBuilder();
        for (String resource : resources) {
            try (InputStream in = RunnerScript.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }
}
