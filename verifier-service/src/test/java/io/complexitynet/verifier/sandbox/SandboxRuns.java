package io.complexitynet.verifier.sandbox;

import io.complexitynet.verifier.domain.Candidate;
import io.complexitynet.verifier.domain.Limits;
import io.complexitynet.verifier.domain.SandboxRun;
import java.time.Duration;
import java.util.List;

/** Builds candidates and their runs for sandbox tests: code, no setup, test statements. */
final class SandboxRuns {

    private SandboxRuns() {
    }

    static Candidate candidate(String id, String code, Duration wallTime, String... tests) {
        return new Candidate(id, code, "", List.of(tests), new Limits(wallTime, 512L << 20, 16L << 20, 32, 64, 65536));
    }

    static SandboxRun run(String id, String code, Duration wallTime, String... tests) {
        return SandboxRun.of(candidate(id, code, wallTime, tests));
    }

    static SandboxRun increment(String id) {
        return run(id, "def f(x):\n    return x+1\n", Duration.ofSeconds(5), "assert f(1) == 2");
    }
}
