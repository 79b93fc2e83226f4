package io.complexitynet.labeler.grpc;

import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.labeler.domain.JobProgress;
import io.complexitynet.labeler.persistence.DatasetEntity;
import io.complexitynet.labeler.persistence.JobEntity;
import io.complexitynet.labeler.persistence.LabelQueries;
import io.complexitynet.labeler.persistence.LabelStore;
import io.complexitynet.labeler.persistence.TaskEntity;
import io.complexitynet.labeler.persistence.TaskLabelEntity;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ModelPassCount;
import io.complexitynet.proto.v1.ParkedTask;
import io.complexitynet.proto.v1.TaskLabel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Builds the complexitynet.v1 views of jobs and labels from the stores. */
@ApplicationScoped
class LabelerMapping {

    private final LabelQueries queries;
    private final LabelStore labels;

    LabelerMapping(LabelQueries queries, LabelStore labels) {
        this.queries = queries;
        this.labels = labels;
    }

    LabelingJob job(JobEntity job) {
        LabelQueries.JobTotals totals = queries.totals(job.id);
        LabelingJob.Builder wire = LabelingJob.newBuilder()
                .setJobId(job.id)
                .setDataset(DatasetEntity.<DatasetEntity>findById(job.datasetId).name)
                .addAllModels(job.ladder())
                .setSamplesPerModel(job.samplesPerModel)
                .setTemperature(job.temperature)
                .setRuleVersion(job.ruleVersion)
                .setState(JobState.valueOf("JOB_STATE_" + job.state.name()))
                .setTasksTotal(job.tasksTotal)
                .setTasksDone((int) totals.labels())
                .setSamplesVerified((int) totals.samplesVerified())
                .setStartedBy(job.startedBy)
                .setCreatedAt(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(job.createdAt));
        if (job.finishedAt != null) {
            wire.setFinishedAt(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(job.finishedAt));
        }
        for (LabelQueries.ModelTally tally : queries.tallies(job.id)) {
            wire.addPasses(ModelPassCount.newBuilder().setModel(tally.model()).setPasses((int) tally.passes())
                    .setTries((int) tally.tries()));
        }
        queries.parked(job.id).forEach(parked -> wire.addParked(ParkedTask.newBuilder()
                .setTaskSourceId(TaskEntity.<TaskEntity>findById(parked.taskId).sourceId)
                .setReason(parked.lastError == null ? "failed on every delivery" : parked.lastError)));
        if (job.state == io.complexitynet.labeler.domain.JobState.RUNNING) {
            new JobProgress(job.tasksTotal, (int) totals.labels(), (int) totals.parked(), job.createdAt.toInstant())
                    .eta(Instant.now()).ifPresent(eta -> wire.setEtaSeconds(eta.toSeconds()));
        }
        return wire.build();
    }

    TaskLabel label(JobEntity job, TaskLabelEntity label) {
        TaskEntity task = TaskEntity.findById(label.taskId);
        TaskLabel.Builder wire = TaskLabel.newBuilder()
                .setJobId(label.jobId)
                .setDataset(DatasetEntity.<DatasetEntity>findById(job.datasetId).name)
                .setTaskSourceId(task.sourceId)
                .setRuleVersion(label.ruleVersion)
                .setPrompt(task.prompt);
        if (label.complexity != null) {
            wire.setComplexity(label.complexity);
        }
        for (ModelPasses passes : labels.passCounts(label)) {
            wire.addPasses(ModelPassCount.newBuilder().setModel(passes.model()).setPasses(passes.passes()).setTries(passes.tries()));
        }
        return wire.build();
    }
}
