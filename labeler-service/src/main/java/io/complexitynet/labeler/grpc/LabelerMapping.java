package io.complexitynet.labeler.grpc;

import io.complexitynet.core.labelling.ModelPasses;
import io.complexitynet.labeler.application.JobView;
import io.complexitynet.labeler.application.LabelView;
import io.complexitynet.labeler.application.LabelingJobs;
import io.complexitynet.proto.v1.Dataset;
import io.complexitynet.proto.v1.JobState;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ModelPassCount;
import io.complexitynet.proto.v1.ParkedTask;
import io.complexitynet.proto.v1.TaskLabel;
import java.time.format.DateTimeFormatter;

/** The complexitynet.v1 views of the application layer's jobs and labels. */
final class LabelerMapping {

    private LabelerMapping() {
    }

    static Dataset dataset(LabelingJobs.ImportedDataset dataset) {
        return Dataset.newBuilder().setName(dataset.name()).setTasks((int) dataset.tasks()).setFormat(dataset.format().label()).build();
    }

    static LabelingJob job(JobView job) {
        LabelingJob.Builder wire = LabelingJob.newBuilder()
                .setJobId(job.jobId())
                .setDataset(job.dataset())
                .addAllModels(job.models())
                .setSamplesPerModel(job.samplesPerModel())
                .setTemperature(job.temperature())
                .setRuleVersion(job.ruleVersion())
                .setState(JobState.valueOf("JOB_STATE_" + job.state().name()))
                .setTasksTotal(job.tasksTotal())
                .setTasksDone((int) job.totals().labels())
                .setSamplesVerified((int) job.totals().samplesVerified())
                .setStartedBy(job.startedBy())
                .setCreatedAt(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(job.createdAt()));
        job.finishedAt().ifPresent(finished -> wire.setFinishedAt(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(finished)));
        job.tallies().forEach(tally -> wire.addPasses(ModelPassCount.newBuilder().setModel(tally.model())
                .setPasses((int) tally.passes()).setTries((int) tally.tries())));
        job.parked().forEach(parked -> wire.addParked(ParkedTask.newBuilder().setTaskSourceId(parked.taskSourceId())
                .setReason(parked.lastError() == null ? "failed on every delivery" : parked.lastError())));
        job.eta().ifPresent(eta -> wire.setEtaSeconds(eta.toSeconds()));
        return wire.build();
    }

    static TaskLabel label(LabelView label) {
        TaskLabel.Builder wire = TaskLabel.newBuilder()
                .setJobId(label.jobId())
                .setDataset(label.dataset())
                .setTaskSourceId(label.taskSourceId())
                .setRuleVersion(label.ruleVersion())
                .setPrompt(label.prompt());
        label.complexity().ifPresent(wire::setComplexity);
        for (ModelPasses passes : label.passes()) {
            wire.addPasses(ModelPassCount.newBuilder().setModel(passes.model()).setPasses(passes.passes()).setTries(passes.tries()));
        }
        return wire.build();
    }
}
