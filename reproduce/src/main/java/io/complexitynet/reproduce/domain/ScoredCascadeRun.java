package io.complexitynet.reproduce.domain;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The scored cascade routed over the test split without tests. Nothing verified its answers at request time, so each
 * request passes when the labels say the answering model passes the task ({@link KnownOutcomes#passes}); the scorer is
 * judged the same way on every answer the router probed: a taken answer predicts "passes", the labels are the truth.
 *
 * @param run    the requests as a routed run: pass by the labels, cost and calls as the router reported them
 * @param scorer how well the scorer's "take it" foretold a passing answer
 */
public record ScoredCascadeRun(RoutedRun run, ScorerQuality scorer) {

    /**
     * The scorer's decisions over the probed answers: {@code taken} of {@code probed} were taken, {@code takenPassing} of
     * them pass; {@code passing} of all probed answers pass.
     */
    public record ScorerQuality(int probed, int taken, int takenPassing, int passing) {

        /** Of the answers taken, the share that pass; empty when none was taken. */
        public OptionalDouble precision() {
            return taken == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) takenPassing / taken);
        }

        /** Of the passing answers, the share taken; empty when none passes. */
        public OptionalDouble recall() {
            return passing == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) takenPassing / passing);
        }
    }

    public static ScoredCascadeRun of(String policy, List<ScoredRequest> requests, KnownOutcomes known) {
        List<RoutedRequest> routed = requests.stream().map(request -> request.refusal()
                .map(reason -> RoutedRequest.refused(request.taskId(), reason))
                .orElseGet(() -> RoutedRequest.answered(request.taskId(), known.passes(request.taskId(), request.answeredBy().orElseThrow()),
                        request.billedCostUnits(), request.modelsCalled()))).toList();
        int probed = 0;
        int taken = 0;
        int takenPassing = 0;
        int passing = 0;
        for (ScoredRequest request : requests) {
            for (ScoredRequest.ProbedAnswer answer : request.probed()) {
                boolean passes = known.passes(request.taskId(), answer.model());
                probed++;
                taken += answer.taken() ? 1 : 0;
                takenPassing += answer.taken() && passes ? 1 : 0;
                passing += passes ? 1 : 0;
            }
        }
        return new ScoredCascadeRun(new RoutedRun(policy, routed), new ScorerQuality(probed, taken, takenPassing, passing));
    }
}
