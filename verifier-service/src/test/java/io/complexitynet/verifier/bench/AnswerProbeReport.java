package io.complexitynet.verifier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.auth.testing.RouterServiceToken;
import io.complexitynet.core.probe.AnswerProbe;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.CandidateResult;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifierGrpc;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.verifier.mbpp.MbppData;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How much a test-free run of an answer ({@link AnswerProbe}: the example calls of the task's statements, no expected
 * value) says about whether the answer passes: every recorded answer to MBPP's test split (tasks 11-510) is run twice
 * through the gRPC API, once as the probe and once against the task's tests, in the same sandbox, and the probe's
 * "every call returned a value" is scored as a prediction of the tests' verdict. Also the time each run took. Run:
 * {@code mvn -pl verifier-service test -Dtest=AnswerProbeReport -Dexcluded.groups= -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@Tag("report")
class AnswerProbeReport {

    // Two candidates per answer, within the verifier's 64 per batch.
    private static final int BATCH = 32;

    @GrpcClient("verifier")
    @RegisterClientInterceptor(RouterServiceToken.class)
    VerifierGrpc.VerifierBlockingStub verifier;

    /** One model's answers: probe outcome against verdict, and the runs' wall times. */
    private static final class Tally {
        final Map<ProbeOutcome.Kind, int[]> byKind = new EnumMap<>(ProbeOutcome.Kind.class);
        final List<Long> probeMillis = new ArrayList<>();
        final List<Long> testMillis = new ArrayList<>();
    }

    @Test
    void whatATestFreeRunSaysAboutPassing() {
        Map<Integer, MbppData.Task> tasks = MbppData.tasks().stream().collect(Collectors.toMap(MbppData.Task::taskId, Function.identity()));
        List<MbppData.Generation> answers = MbppData.generations().stream().filter(g -> g.taskId() >= 11 && g.taskId() <= 510).toList();
        Map<String, Tally> byModel = new TreeMap<>();
        for (int from = 0; from < answers.size(); from += BATCH) {
            List<MbppData.Generation> slice = answers.subList(from, Math.min(answers.size(), from + BATCH));
            VerifyRequest.Builder request = VerifyRequest.newBuilder().setBatchId("probe-" + from);
            List<AnswerProbe> probes = new ArrayList<>();
            for (MbppData.Generation answer : slice) {
                MbppData.Task task = tasks.get(answer.taskId());
                String code = answer.completion().isBlank() ? "pass" : answer.completion();
                AnswerProbe probe = AnswerProbe.of(String.join("\n", task.tests()));
                probes.add(probe);
                request.addCandidates(Candidate.newBuilder().setCode(code).addAllTests(probe.statements())
                        .addAllProvides(task.definedNames()));
                request.addCandidates(Candidate.newBuilder().setCode(code).setSetupCode(task.setupCode()).addAllTests(task.tests())
                        .addAllProvides(task.definedNames()));
            }
            List<CandidateResult> results = verifier.verify(request.build()).getResultsList();
            for (int i = 0; i < slice.size(); i++) {
                CandidateResult probed = results.get(2 * i);
                CandidateResult tested = results.get(2 * i + 1);
                ProbeOutcome outcome = ProbeOutcome.of(probes.get(i), probed.getVerdict().name().replace("VERDICT_", ""),
                        probed.getTestIndex());
                Tally tally = byModel.computeIfAbsent(slice.get(i).model(), model -> new Tally());
                tally.byKind.computeIfAbsent(outcome.kind(), kind -> new int[2])[tested.getVerdict() == Verdict.VERDICT_PASSED ? 1 : 0]++;
                tally.probeMillis.add(probed.getWallTimeMillis());
                tally.testMillis.add(tested.getWallTimeMillis());
            }
        }
        StringBuilder table = new StringBuilder("| model | answers | passing (tests) | probe: every call returned a value | precision | recall"
                + " | outcomes (passing/all) | probe run p50 / p99 ms | test run p50 / p99 ms |\n|---|---|---|---|---|---|---|---|---|\n");
        int total = 0;
        for (Map.Entry<String, Tally> entry : byModel.entrySet()) {
            Tally tally = entry.getValue();
            int answered = tally.byKind.values().stream().mapToInt(c -> c[0] + c[1]).sum();
            int passing = tally.byKind.values().stream().mapToInt(c -> c[1]).sum();
            int[] returned = tally.byKind.getOrDefault(ProbeOutcome.Kind.RETURNED, new int[2]);
            total += answered;
            table.append(String.format("| %s | %d | %d | %d | %.3f | %.3f | %s | %s | %s |%n", entry.getKey(), answered, passing,
                    returned[0] + returned[1], (double) returned[1] / Math.max(1, returned[0] + returned[1]),
                    (double) returned[1] / Math.max(1, passing),
                    tally.byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[1] + "/" + (e.getValue()[0] + e.getValue()[1]))
                            .collect(Collectors.joining(", ")), percentiles(tally.probeMillis), percentiles(tally.testMillis)));
        }
        System.out.println(table);
        assertEquals(answers.size(), total);
    }

    private static String percentiles(List<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? "-" : sorted[sorted.length / 2] + " / " + sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
    }
}
