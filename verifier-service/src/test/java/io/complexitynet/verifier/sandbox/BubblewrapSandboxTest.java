package io.complexitynet.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.verifier.domain.RunOutcome;
import io.complexitynet.verifier.domain.RunnerReport;
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
        return new SandboxCommand("/usr/bin/bwrap", List.of("/usr"), 64L << 20, "/usr/bin/python3", List.of("-I", "-S"),
                65534, ROOT, isolated);
    }

    @Test
    void withoutBubblewrapTheSupervisorCleansItsOwnDirectoryNotTheServices() throws Exception {
        Path marker = Files.createTempFile(Path.of(""), "service-file-", ".txt");
        try (BubblewrapSandbox sandbox = new BubblewrapSandbox(command(false), 1, 1 << 20, 65536, List.of())) {
            List<RunOutcome> outcomes = sandbox.run(List.of(
                    SandboxRuns.run("writer", "import os\nopen('left', 'w').write('x')\n", Duration.ofSeconds(5), "os.getcwd()"),
                    SandboxRuns.run("reader", "import os\n", Duration.ofSeconds(5), "os.path.exists('left')")));
            String writerCwd = RunnerReport.parse(outcomes.get(0).report()).values().get(0);
            assertTrue(writerCwd.contains("cn-sandbox-"), writerCwd);
            assertEquals("('bool',False)", RunnerReport.parse(outcomes.get(1).report()).values().get(0));
            assertTrue(Files.exists(marker), "the supervisor removed a file of the service's working directory");
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void preloadedModulesAreImportedBeforeTheCandidateAsksForThem() throws Exception {
        try (BubblewrapSandbox sandbox = new BubblewrapSandbox(command(true), 1, 1 << 20, 65536, List.of("re", "heapq"))) {
            RunOutcome outcome = sandbox.run(List.of(SandboxRuns.run("reader", "import sys\n", Duration.ofSeconds(5),
                    "('re' in sys.modules, 'heapq' in sys.modules, 'fractions' in sys.modules)"))).get(0);
            assertEquals("('tuple',[('bool',True),('bool',True),('bool',False)])",
                    RunnerReport.parse(outcome.report()).values().get(0));
        }
    }

    @Test
    void underBubblewrapTheSupervisorIsPidOneAndEachCandidateAFreshProcess() throws Exception {
        try (BubblewrapSandbox sandbox = new BubblewrapSandbox(command(true), 1, 1 << 20, 65536, List.of())) {
            List<RunOutcome> outcomes = sandbox.run(List.of(
                    SandboxRuns.run("first", "import os\n", Duration.ofSeconds(5), "(os.getppid(), os.getpid())"),
                    SandboxRuns.run("second", "import os\n", Duration.ofSeconds(5), "(os.getppid(), os.getpid())")));
            String first = RunnerReport.parse(outcomes.get(0).report()).values().get(0);
            String second = RunnerReport.parse(outcomes.get(1).report()).values().get(0);
            assertTrue(first.startsWith("('tuple',[('int',1),"), first);
            assertTrue(second.startsWith("('tuple',[('int',1),"), second);
            assertNotEquals(first, second, "both candidates ran in one process");
            assertEquals(1, sandbox.supervisorStarts());
        }
    }
}
