package io.complexitynet.verifier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.auth.testing.RouterServiceToken;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.CheckTestsRequest;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.verifier.mbpp.MbppData;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The 974 MBPP reference solutions through the gRPC API (one candidate per call, local bubblewrap
 * backend), side by side in the same run with the bare floor: the same programs run by plain
 * {@code python3 -I} subprocesses, no sandbox, no service, at the same concurrency. Run:
 * {@code mvn -pl verifier-service test -Dtest=VerifierBenchmark -Dexcluded.groups=}
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@Tag("benchmark")
class VerifierBenchmark {

    private static final int CONCURRENCY = Runtime.getRuntime().availableProcessors();

    @GrpcClient("verifier")
    @RegisterClientInterceptor(RouterServiceToken.class)
    VerifierGrpc.VerifierBlockingStub verifier;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private record Measurement(String name, int programs, double seconds, long[] latenciesNanos, long jvmCpuNanos) {
        double throughput() {
            return programs / seconds;
        }

        double jvmCpuMillisPerProgram() {
            return jvmCpuNanos / 1e6 / programs;
        }

        double percentileMillis(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    @Test
    void serviceAgainstBarePython() throws Exception {
        List<MbppData.Task> tasks = MbppData.tasks();
        // A full pass first: until the JIT has compiled the gRPC, HTTP/2 and token paths, the JVM spends
        // more CPU compiling them than serving, which a long-running service pays once.
        measure("warm-up", tasks, this::throughService);
        Measurement bare = measure("bare python3 -I", tasks, VerifierBenchmark::barePython);
        Measurement service = measure("verifier gRPC", tasks, this::throughService);
        // What the router pays before any model runs on a request with tests: setup and tests parsed in the sandbox.
        Measurement check = measure("verifier CheckTests", tasks, this::checkThroughService);
        System.out.printf("%nMBPP reference solutions, %d programs, concurrency %d%n", tasks.size(), CONCURRENCY);
        System.out.println("| run | programs/s | p50 ms | p99 ms | JVM CPU ms/program |");
        System.out.println("|---|---|---|---|---|");
        for (Measurement m : List.of(bare, service, check)) {
            System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", m.name(), m.throughput(), m.percentileMillis(0.50),
                    m.percentileMillis(0.99), m.jvmCpuMillisPerProgram());
        }
        System.out.printf("ratio service/bare (throughput): %.2f%n%n", service.throughput() / bare.throughput());
        assertEquals(tasks.size(), service.programs());
    }

    private interface Runner {
        boolean run(MbppData.Task task) throws Exception;
    }

    private static Measurement measure(String name, List<MbppData.Task> tasks, Runner runner) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long[] latencies = new long[tasks.size()];
        AtomicInteger failures = new AtomicInteger();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            jobs.add(() -> {
                long started = System.nanoTime();
                if (!runner.run(tasks.get(index))) {
                    failures.incrementAndGet();
                }
                latencies[index] = System.nanoTime() - started;
                return null;
            });
        }
        long cpuBefore = OS.getProcessCpuTime();
        long started = System.nanoTime();
        for (Future<Void> future : pool.invokeAll(jobs)) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long jvmCpu = OS.getProcessCpuTime() - cpuBefore;
        pool.shutdown();
        assertEquals(0, failures.get(), name + ": programs that did not pass");
        return new Measurement(name, tasks.size(), seconds, latencies, jvmCpu);
    }

    private boolean throughService(MbppData.Task task) {
        VerifyRequest request = VerifyRequest.newBuilder().addCandidates(Candidate.newBuilder()
                .setCode(task.code()).setSetupCode(task.setupCode()).addAllTests(task.tests()).addAllProvides(task.definedNames())).build();
        return verifier.verify(request).getResults(0).getVerdict() == Verdict.VERDICT_PASSED;
    }

    private boolean checkThroughService(MbppData.Task task) {
        verifier.checkTests(CheckTestsRequest.newBuilder().setSetupCode(task.setupCode()).addAllTests(task.tests()).build());
        return true;
    }

    private static boolean barePython(MbppData.Task task) throws IOException, InterruptedException {
        String program = task.code() + "\n" + task.setupCode() + "\n" + String.join("\n", task.tests()) + "\n";
        Process process = new ProcessBuilder("/usr/bin/python3", "-I", "-")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(program.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
