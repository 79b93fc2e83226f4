package io.complexitynet.reproduce.domain;

import java.util.List;

/**
 * A labelling job as one poll of the labeler saw it: the ladder it labels with (cheapest first) and its rule, how far it got,
 * and its state in the labeler's own words ({@code state}), which a job that stops without completing is reported by.
 */
public record LabellingJobStatus(String jobId, List<String> models, String ruleVersion, Phase phase, String state, int tasksTotal,
                                 int tasksDone, int parked, int samplesVerified) implements JobStatus {

    public LabellingJobStatus {
        models = List.copyOf(models);
    }
}
