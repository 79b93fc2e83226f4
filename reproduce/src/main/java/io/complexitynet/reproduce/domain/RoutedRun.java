package io.complexitynet.reproduce.domain;

import io.complexitynet.core.routing.ModelShare;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.routing.RoutingOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every test task routed under one policy: pass rate and cost as the router's responses report them. */
public record RoutedRun(String policy, List<RoutedRequest> requests) {

    public RoutedRun {
        requests = List.copyOf(requests);
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a routed run needs at least one request");
        }
    }

    public double passRate() {
        return (double) requests.stream().filter(RoutedRequest::passed).count() / requests.size();
    }

    /** The pass rate over the given tasks only (the paper counted only tasks some model solved). */
    public double passRateWithin(Set<String> taskIds) {
        if (taskIds.isEmpty()) {
            throw new IllegalArgumentException("a pass rate within no tasks is undefined");
        }
        return (double) requests.stream().filter(request -> request.passed() && taskIds.contains(request.taskId())).count()
                / taskIds.size();
    }

    /** The router's own cost units (price per 1K tokens times tokens) per task. */
    public double billedCostPerTask() {
        return requests.stream().mapToDouble(RoutedRequest::billedCostUnits).sum() / requests.size();
    }

    /** Requests that called more than one model: the cascade stepped up the ladder. */
    public long escalated() {
        return requests.stream().filter(request -> request.modelsCalled().size() > 1).count();
    }

    /** Requests the router refused with a status instead of an answer. */
    public List<RoutedRequest> refused() {
        return requests.stream().filter(request -> request.refusal().isPresent()).toList();
    }

    /**
     * The run in the ladder's per-request cost units (the paper's 1 / 10 / 100), each model a request
     * called counted once, so it compares with the fixed-model baselines and the paper's cost cut.
     */
    public RoutingOutcome outcome(List<PricedModel> ladder) {
        double cost = 0;
        double[] calls = new double[ladder.size()];
        for (RoutedRequest request : requests) {
            for (String model : request.modelsCalled()) {
                int index = indexOf(ladder, model);
                calls[index]++;
                cost += ladder.get(index).costUnits();
            }
        }
        List<ModelShare> shares = new ArrayList<>();
        for (int i = 0; i < ladder.size(); i++) {
            shares.add(new ModelShare(ladder.get(i).name(), calls[i] / requests.size()));
        }
        return new RoutingOutcome(policy, requests.size(), passRate(), cost / requests.size(), shares);
    }

    private static int indexOf(List<PricedModel> ladder, String model) {
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).name().equals(model)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the router answered with model '" + model + "', which is not in the labelling ladder "
                + ladder.stream().map(PricedModel::name).toList());
    }
}
