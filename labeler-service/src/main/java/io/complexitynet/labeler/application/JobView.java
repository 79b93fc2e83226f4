package io.complexitynet.labeler.application;

import io.complexitynet.core.jobs.LabelingJobState;
import io.complexitynet.labeler.persistence.LabelQueries;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A labelling job as the API shows it: its settings, its progress so far and the tasks parked on the way. */
public record JobView(String jobId, String dataset, List<String> models, int samplesPerModel, double temperature,
                      String ruleVersion, LabelingJobState state, int tasksTotal, LabelQueries.JobTotals totals,
                      List<LabelQueries.ModelTally> tallies, List<LabelQueries.ParkedTask> parked, String startedBy,
                      OffsetDateTime createdAt, Optional<OffsetDateTime> finishedAt, Optional<Duration> eta) {
}
