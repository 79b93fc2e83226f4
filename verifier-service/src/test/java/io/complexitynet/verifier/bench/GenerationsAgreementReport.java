package io.complexitynet.verifier.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.auth.testing.RouterServiceToken;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Judges the 2,920 recorded model outputs through the gRPC API and compares each verdict with
 * the paper harness's recorded flag. Prints the agreement table and writes every disagreement to
 * target/generations-disagreements.tsv. Run:
 * {@code mvn -pl verifier-service test -Dtest=GenerationsAgreementReport -Dexcluded.groups=}
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@Tag("report")
class GenerationsAgreementReport {

    private static final int BATCH = 64;

    @GrpcClient("verifier")
    @RegisterClientInterceptor(RouterServiceToken.class)
    VerifierGrpc.VerifierBlockingStub verifier;

    @Test
    void agreementWithRecordedPassFlags() throws IOException {
        Map<Integer, MbppData.Task> tasks = MbppData.tasks().stream()
                .collect(Collectors.toMap(MbppData.Task::taskId, Function.identity()));
        List<MbppData.Generation> generations = MbppData.generations();
        Map<String, int[]> byModel = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        disagreements.add("task_id\tmodel\trecorded_pass\tverdict\terror_type\tmessage");
        for (int from = 0; from < generations.size(); from += BATCH) {
            List<MbppData.Generation> slice = generations.subList(from, Math.min(generations.size(), from + BATCH));
            VerifyRequest.Builder request = VerifyRequest.newBuilder().setBatchId("generations-" + from);
            for (MbppData.Generation generation : slice) {
                MbppData.Task task = tasks.get(generation.taskId());
                request.addCandidates(Candidate.newBuilder().setCandidateId(generation.model() + "/" + generation.taskId())
                        .setCode(generation.completion().isBlank() ? "pass" : generation.completion())
                        .setSetupCode(task.setupCode()).addAllTests(task.tests()).addAllProvides(task.definedNames()));
            }
            List<CandidateResult> results = verifier.verify(request.build()).getResultsList();
            for (int i = 0; i < slice.size(); i++) {
                MbppData.Generation generation = slice.get(i);
                CandidateResult result = results.get(i);
                boolean ours = result.getVerdict() == Verdict.VERDICT_PASSED;
                int[] counts = byModel.computeIfAbsent(generation.model(), m -> new int[4]);
                counts[(generation.recordedPass() ? 2 : 0) + (ours ? 1 : 0)]++;
                if (ours != generation.recordedPass()) {
                    disagreements.add(generation.taskId() + "\t" + generation.model() + "\t" + generation.recordedPass() + "\t"
                            + result.getVerdict().name().replace("VERDICT_", "") + "\t" + result.getErrorType() + "\t"
                            + result.getMessage().replace('\t', ' ').replace('\n', ' '));
                }
            }
        }
        StringBuilder table = new StringBuilder("| model | outputs | agree | recorded pass, ours fail | recorded fail, ours pass | agreement |\n|---|---|---|---|---|---|\n");
        int total = 0;
        int agree = 0;
        for (Map.Entry<String, int[]> entry : byModel.entrySet()) {
            int[] c = entry.getValue();
            int n = c[0] + c[1] + c[2] + c[3];
            total += n;
            agree += c[0] + c[3];
            table.append(String.format("| %s | %d | %d | %d | %d | %.1f%% |%n", entry.getKey(), n, c[0] + c[3], c[2], c[1],
                    100.0 * (c[0] + c[3]) / n));
        }
        table.append(String.format("| all | %d | %d | | | %.1f%% |%n", total, agree, 100.0 * agree / total));
        System.out.println(table);
        Files.write(Path.of("target", "generations-disagreements.tsv"), disagreements);
        assertEquals(generations.size(), total);
    }
}
