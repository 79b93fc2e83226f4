package io.complexitynet.reproduce.domain;

import java.util.List;
import java.util.Optional;

/**
 * One test task as the router answered it: whether the returned code passed its tests, what the router
 * billed (its own cost units), and every model that produced an answer, in the order tried. A request the
 * router refused (its status description kept) passed nothing and called nothing.
 */
public record RoutedRequest(String taskId, boolean passed, double billedCostUnits, List<String> modelsCalled, Optional<String> refusal) {

    public RoutedRequest {
        modelsCalled = List.copyOf(modelsCalled);
    }

    public static RoutedRequest answered(String taskId, boolean passed, double billedCostUnits, List<String> modelsCalled) {
        return new RoutedRequest(taskId, passed, billedCostUnits, modelsCalled, Optional.empty());
    }

    public static RoutedRequest refused(String taskId, String reason) {
        return new RoutedRequest(taskId, false, 0, List.of(), Optional.of(reason));
    }
}
