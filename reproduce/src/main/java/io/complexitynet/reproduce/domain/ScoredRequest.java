package io.complexitynet.reproduce.domain;

import java.util.List;
import java.util.Optional;

/**
 * One test task as the scored cascade answered it without tests: the model whose answer was returned, what the router
 * billed, every model that produced an answer in the order asked, and each answer the router probed with whether its
 * scorer took it. A refused request (its status description kept) answered nothing.
 */
public record ScoredRequest(String taskId, Optional<String> answeredBy, double billedCostUnits, List<String> modelsCalled,
                            List<ProbedAnswer> probed, Optional<String> refusal) {

    /** One answer the router ran test-free and scored: which model wrote it and whether it was taken. */
    public record ProbedAnswer(String model, boolean taken) {
    }

    public ScoredRequest {
        modelsCalled = List.copyOf(modelsCalled);
        probed = List.copyOf(probed);
    }

    public static ScoredRequest answered(String taskId, String answeredBy, double billedCostUnits, List<String> modelsCalled,
                                         List<ProbedAnswer> probed) {
        return new ScoredRequest(taskId, Optional.of(answeredBy), billedCostUnits, modelsCalled, probed, Optional.empty());
    }

    public static ScoredRequest refused(String taskId, String reason) {
        return new ScoredRequest(taskId, Optional.empty(), 0, List.of(), List.of(), Optional.of(reason));
    }
}
