package io.complexitynet.model.training;

import io.complexitynet.model.domain.TrainingParameters;
import java.util.List;

/**
 * Everything a training run measured: test-split classification against the baselines, the pass heads'
 * calibration, routing with real outcomes, the no-tests cascade's answer scorer (or why there is none), how the
 * complexity source was chosen on validation, and where the time went. {@code notes} lists what the run left out and why (classes too rare, unsolved tasks).
 */
public record TrainingReport(String split, PartitionSizes sizes, String dataFingerprint, TrainingParameters parameters,
        String encoderId, List<Integer> classes, List<String> notes, SourceSelection sourceSelection,
        ClassificationComparison classification, List<PassHeadReport> passHeads, RoutingReport routing,
        NoTestsCascadeReport noTestsCascade, Timings timings) {

    public TrainingReport {
        classes = List.copyOf(classes);
        notes = List.copyOf(notes);
        passHeads = List.copyOf(passHeads);
    }
}
