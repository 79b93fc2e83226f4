package io.complexitynet.router.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.MbppPartitions;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.task.MbppTask;
import io.complexitynet.core.task.Partition;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.proto.v1.RouteResponse;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.complexitynet.router.grpc.RouterAsTenants;
import io.complexitynet.testing.VerifierResource;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The router replayed over MBPP's test split (11-510) with a model trained on the recorded labels of the
 * train split and promoted: every answer verified by the verifier-service against the task's tests.
 * Pass rate and cost (the router's cost units) for always-largest, the paper's policy, the expected-cost
 * policy at the threshold that did best on the validation split (511-600), and the verify-and-escalate
 * cascade from the classifier's model and from the cheapest, with and without GPT-4 on its ladder. The
 * paper dropped the tasks no model solved, so each pass rate is also given over the tasks some model
 * solves here (each model asked alone): that column and the cost cut compare with the paper's 86.7% at
 * a 90% cut. Run:
 * {@code mvn -pl router-service test -Dtest=MbppRoutingBenchmark -Dexcluded.groups= -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@QuarkusTestResource(value = VerifierResource.class, restrictToAnnotatedClass = true)
@Tag("benchmark")
class MbppRoutingBenchmark extends RouterAsTenants {

    private static final List<String> LADDER = RecordedMbppLabels.LADDER.stream().map(PricedModel::name).toList();
    private static final String MIDDLE = LADDER.get(1);
    private static final String LARGEST = LADDER.get(2);
    private static final List<Double> THRESHOLDS = List.of(0.3, 0.4, 0.5, 0.6, 0.7);

    private record Run(String policy, int tasks, Set<Integer> passed, double cost) {
        double passRate() {
            return (double) passed.size() / tasks;
        }

        double passRateWithin(Set<Integer> solvable) {
            return (double) passed.stream().filter(solvable::contains).count() / solvable.size();
        }
    }

    @Test
    void routesTheTestSplit() {
        promoteAndLoad("mbpp-model");
        tenants.save(new TenantPolicy("acme", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0, BudgetPeriod.MONTH, false));
        List<MbppTask> mbpp = MbppReader.read(Path.of(System.getProperty("complexitynet.data.dir"), "mbpp", "mbpp.jsonl"));
        List<MbppTask> test = mbpp.stream().filter(t -> MbppPartitions.of(t.taskId()) == Partition.TEST).toList();
        List<MbppTask> validation = mbpp.stream().filter(t -> MbppPartitions.of(t.taskId()) == Partition.VALIDATION).toList();
        ManagedChannel channel = Bearer.channelTo(routerUrl);
        RouterGrpc.RouterBlockingStub alice = as(channel, KeycloakRealm.ALICE);
        RouterGrpc.RouterBlockingStub bob = as(channel, KeycloakRealm.BOB);

        // Best: the highest pass rate on the validation split, the cheaper threshold on a tie; the test split is never looked at.
        Run best = null;
        double chosen = THRESHOLDS.get(0);
        for (double threshold : THRESHOLDS) {
            Run run = run("expected-cost " + threshold, alice, validation, r -> r.setPolicy("expected-cost").setQualityTarget(threshold)
                    .setNoEscalation(true));
            System.out.printf(Locale.ROOT, "validation %s%n", format(run));
            if (best == null || run.passed().size() > best.passed().size()
                    || run.passed().size() == best.passed().size() && run.cost() < best.cost()) {
                best = run;
                chosen = threshold;
            }
        }
        double threshold = chosen;
        // bob's tenant may use one model at a time: each model alone through the same path.
        List<Run> alone = new ArrayList<>();
        for (String model : LADDER) {
            tenants.save(new TenantPolicy("globex", Optional.of(List.of(model)), Optional.empty(), RoutingMode.PAPER, 0.5, 0,
                    BudgetPeriod.MONTH, false));
            alone.add(run("always " + model, bob, test, r -> r.setNoEscalation(true)));
        }
        Run largest = alone.get(LADDER.indexOf(LARGEST));
        Set<Integer> solvable = new TreeSet<>();
        alone.forEach(run -> solvable.addAll(run.passed()));
        Run paper = run("paper policy", alice, test, r -> r.setPolicy("paper").setNoEscalation(true));
        Run expected = run("expected-cost at " + threshold, alice, test, r -> r.setPolicy("expected-cost").setQualityTarget(threshold)
                .setNoEscalation(true));
        Run cascade = run("paper policy + cascade", alice, test, r -> r.setPolicy("paper"));
        Run cascadeExpected = run("expected-cost " + threshold + " + cascade", alice, test, r -> r.setPolicy("expected-cost")
                .setQualityTarget(threshold));
        Run cascadeToMiddle = run("paper policy + cascade, up to " + MIDDLE, alice, test, r -> r.setPolicy("paper")
                .setMaxModel(MIDDLE));
        Run cheapestFirst = run("cheapest-first + cascade", alice, test, r -> r.setPolicy("cheapest-first"));
        Run cheapestToMiddle = run("cheapest-first + cascade, up to " + MIDDLE, alice, test, r -> r.setPolicy("cheapest-first")
                .setMaxModel(MIDDLE));
        channel.shutdownNow();
        System.out.printf("%nMBPP test split (%d tasks, %d of them solved by some model), replayed, every answer verified:%n",
                test.size(), solvable.size());
        System.out.println("| policy | pass rate | of the solvable | cost units / task | cost cut vs always-largest |");
        System.out.println("| --- | --- | --- | --- | --- |");
        List<Run> runs = new ArrayList<>(alone);
        runs.addAll(List.of(paper, expected, cascade, cascadeExpected, cascadeToMiddle, cheapestFirst, cheapestToMiddle));
        for (Run run : runs) {
            System.out.println(format(run, solvable, largest.cost()));
        }
        System.out.println("| the paper (fine-tuned davinci-002, solvable tasks of its set) | | 86.7% | | 90% |");
        assertTrue(cascade.passRate() >= paper.passRate());
        // Escalating from the cheapest passes what any model on its ladder passes alone (1% slack: an answer
        // near the verifier's time limit may pass in one run and not the next).
        assertTrue(cheapestFirst.passRateWithin(solvable) >= 0.99, "cheapest-first misses solvable tasks");
        assertTrue(cheapestToMiddle.passRate() >= alone.get(LADDER.indexOf(MIDDLE)).passRate() - 0.01);
    }

    private static String format(Run run) {
        return String.format(Locale.ROOT, "| %s | %.1f%% | %.3f |", run.policy(), 100 * run.passRate(), run.cost() / run.tasks());
    }

    private static String format(Run run, Set<Integer> solvable, double largestCost) {
        return String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %.3f | %.1f%% |", run.policy(), 100 * run.passRate(),
                100 * run.passRateWithin(solvable), run.cost() / run.tasks(), 100 * (1 - run.cost() / largestCost));
    }

    private static Run run(String policy, RouterGrpc.RouterBlockingStub caller, List<MbppTask> tasks,
                           UnaryOperator<RouteRequest.Builder> options) {
        Set<Integer> passed = new TreeSet<>();
        double cost = 0;
        for (MbppTask task : tasks) {
            RouteRequest request = options.apply(RouteRequest.newBuilder().setPrompt(task.text()).setSetupCode(task.setupCode())
                    .addAllTests(task.tests())).build();
            try {
                RouteResponse response = caller.route(request);
                if (response.getVerdict().equals("PASSED")) {
                    passed.add(task.taskId());
                }
                cost += response.getCostUnits();
            } catch (StatusRuntimeException e) {
                // No recorded answer (task 440 for the GPT models): a failed request, nothing spent.
            }
        }
        return new Run(policy, tasks.size(), passed, cost);
    }
}
