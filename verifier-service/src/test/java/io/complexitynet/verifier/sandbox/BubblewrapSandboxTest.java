package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.JudgeReport;
import io.complexitynet.verifier.domain.TestOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local sandbox's supervisors, without the service around them. */
class BubblewrapSandboxTest {

    private static final boolean ROOT = ProcessHandle.current().info().user().map("root"::equals).orElse(false);

    /** As the service builds it: bubblewrap or not, dropping to nobody first when run as root. */
    private static SandboxCommand command(boolean isolated) {
        return new SandboxCommand("/usr/bin/bwrap", "", List.of("/usr"), 64L << 20, "/usr/bin/python3", List.of("-I", "-S"),
                65534, ROOT, isolated);
    }

    private static void allHeld(RunOutcome outcome) {
        assertEquals(List.of(new TestOutcome.Held()), JudgeReport.parse(outcome.report()).outcomes(1), outcome::report);
    }

    @Test
    void withoutBubblewrapTheSupervisorCleansItsOwnDirectoryNotTheServices() throws Exception {
        Path marker = Files.createTempFile(Path.of(""), "service-file-", ".txt");
        try (BubblewrapSandbox sandbox = new BubblewrapSandbox(command(false), 1, 1 << 20, 65536, List.of())) {
            List<RunOutcome> outcomes = sandbox.run(List.of(
                    SandboxRuns.run("writer", "import os\nopen('left', 'w').write('x')\ndef cwd():\n    return os.getcwd()\n",
                            Duration.ofSeconds(5), "assert 'cn-sandbox-' in cwd()"),
                    SandboxRuns.run("reader", "import os\ndef left():\n    return os.path.exists('left')\n",
                            Duration.ofSeconds(5), "assert left() is False")));
            outcomes.forEach(BubblewrapSandboxTest::allHeld);
            assertTrue(Files.exists(marker), "the supervisor removed a file of the service's working directory");
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void preloadedModulesAreImportedBeforeTheCandidateAsksForThem() throws Exception {
        try (BubblewrapSandbox sandbox = new BubblewrapSandbox(command(true), 1, 1 << 20, 65536, List.of("re", "heapq"))) {
            allHeld(sandbox.run(List.of(SandboxRuns.run("reader", "import sys\ndef loaded():\n"
                    + "    return ('re' in sys.modules, 'heapq' in sys.modules, 'fractions' in sys.modules)\n",
                    Duration.ofSeconds(5), "assert loaded() == (True, True, False)"))).get(0));
        }
    }

    @Test
    void underBubblewrapTheSupervisorIsPidOneAndCandidateAndJudgeAreFreshProcesses() throws Exception {
        String ids = "import os\ndef ids():\n    return (os.getppid(), os.getpid())\n";
        String test = "import os\nparent, pid = ids()\nassert parent == 1 and os.getppid() == 1 and pid not in (1, os.getpid())";
        try (BubblewrapSandbox sandbox = new BubblewrapSandbox(command(true), 1, 1 << 20, 65536, List.of())) {
            sandbox.run(List.of(SandboxRuns.run("first", ids, Duration.ofSeconds(5), test),
                    SandboxRuns.run("second", ids, Duration.ofSeconds(5), test))).forEach(BubblewrapSandboxTest::allHeld);
            assertEquals(1, sandbox.supervisorStarts());
        }
    }
}
