package io.complexitynet.reproduce.application;

import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.reproduce.domain.KnownOutcomes;
import io.complexitynet.reproduce.domain.ReproductionFailed;
import io.complexitynet.reproduce.domain.RouteOptions;
import io.complexitynet.reproduce.domain.RoutedRequest;
import io.complexitynet.reproduce.domain.RoutedRun;
import io.complexitynet.reproduce.domain.ScoredCascadeRun;
import io.complexitynet.reproduce.domain.ScoredRequest;
import io.complexitynet.reproduce.grpc.RouterClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends every test task to Router.Route with its tests under one policy at a time (or without them, by the scored cascade), a few requests in flight at once,
 * and keeps what each response says: the verdict, the router's bill and the models that answered.
 */
final class RoutedRunner {

    // More refusals than this share means something systematic (a bad option, a broken deployment), not a task's quirk.
    private static final double MAX_REFUSED_SHARE = 0.2;

    private final RouterClient router;
    private final List<DatasetTask> tasks;
    private final int concurrency;
    private final Progress progress;

    RoutedRunner(RouterClient router, List<DatasetTask> tasks, int concurrency, Progress progress) {
        this.router = router;
        this.tasks = List.copyOf(tasks);
        this.concurrency = concurrency;
        this.progress = progress;
    }

    RoutedRun run(String policy, RouteOptions options) {
        progress.step("routing " + tasks.size() + " test tasks: " + policy);
        RoutedRun run = new RoutedRun(policy, InParallel.map(tasks, concurrency, task -> router.route(task, options), progress,
                "routed (" + policy + ")"));
        List<RoutedRequest> refused = run.refused();
        checkRefusals(policy, run);
        progress.step(String.format(Locale.ROOT, "%s: %.1f%% passed, %d escalated, %d refused by the router", policy,
                100 * run.passRate(), run.escalated(), refused.size()));
        return run;
    }

    /**
     * The scored cascade without tests, {@code examples} giving each task's example statements; empty when the promoted
     * model has no answer scorer (the router refuses the policy before any model runs, so the first task tells).
     */
    Optional<ScoredCascadeRun> runScored(String policy, Function<DatasetTask, List<String>> examples, KnownOutcomes known) {
        progress.step("routing " + tasks.size() + " test tasks: " + policy);
        Optional<ScoredRequest> first = router.routeScored(tasks.get(0), examples.apply(tasks.get(0)));
        if (first.isEmpty()) {
            progress.step(policy + ": not run, the promoted model has no answer scorer");
            return Optional.empty();
        }
        List<ScoredRequest> requests = new ArrayList<>(List.of(first.get()));
        requests.addAll(InParallel.map(tasks.subList(1, tasks.size()), concurrency, task -> router.routeScored(task, examples.apply(task))
                .orElseThrow(() -> new ReproductionFailed("the router stopped taking " + policy + " for task " + task.sourceId()
                        + ": the promoted model has no answer scorer any more")), progress, "routed (" + policy + ")"));
        ScoredCascadeRun scored = ScoredCascadeRun.of(policy, requests, known);
        checkRefusals(policy, scored.run());
        progress.step(String.format(Locale.ROOT, "%s: %.1f%% passed by the labels, %d escalated, %d refused by the router", policy,
                100 * scored.run().passRate(), scored.run().escalated(), scored.run().refused().size()));
        return Optional.of(scored);
    }

    private void checkRefusals(String policy, RoutedRun run) {
        List<RoutedRequest> refused = run.refused();
        if (refused.size() > MAX_REFUSED_SHARE * tasks.size()) {
            throw new ReproductionFailed("the router refused " + refused.size() + " of " + tasks.size() + " requests ("
                    + policy + "), e.g. task " + refused.get(0).taskId() + ": " + refused.get(0).refusal().orElseThrow());
        }
    }
}
