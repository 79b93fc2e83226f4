package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.Probe;
import io.complexitynet.verifier.domain.SandboxRun;
import java.time.Duration;
import java.util.List;

/** Builds candidate runs for sandbox tests. */
final class SandboxRuns {

    private SandboxRuns() {
    }

    static SandboxRun run(String id, String code, Duration wallTime, String... expressions) {
        List<Probe> probes = java.util.Arrays.stream(expressions)
                .map(source -> new Probe(Probe.Kind.EXPRESSION, source)).toList();
        return new SandboxRun(id, code, "", probes, new Limits(wallTime, 512L << 20, 16L << 20, 32, 64, 65536));
    }

    static SandboxRun increment(String id) {
        return run(id, "def f(x):\n    return x+1\n", Duration.ofSeconds(5), "f(1)");
    }
}
