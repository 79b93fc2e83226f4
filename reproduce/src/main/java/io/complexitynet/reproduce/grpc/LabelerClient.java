package io.complexitynet.reproduce.grpc;

import io.complexitynet.proto.v1.ExportLabelsRequest;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ModelPassCount;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.complexitynet.proto.v1.TaskLabel;
import io.complexitynet.reproduce.domain.JobStatus.Phase;
import io.complexitynet.reproduce.domain.LabellingJobStatus;
import io.complexitynet.reproduce.domain.TaskOutcome;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The labeler's API as the reproduction calls it: import a data set, start a labelling job, poll it and export its
 * labels, each answer mapped to this module's records.
 */
public final class LabelerClient {

    private final ServiceConnections services;

    public LabelerClient(ServiceConnections services) {
        this.services = services;
    }

    /**
     * The number of tasks imported from {@code path} under {@code name} in {@code format} ("" to let the labeler recognise
     * it); empty when a data set of that name exists already.
     */
    public OptionalInt importDataset(String name, String path, String format) {
        try {
            return OptionalInt.of(services.labeler().importDataset(ImportDatasetRequest.newBuilder().setName(name).setPath(path)
                    .setFormat(format).build()).getTasks());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw services.labelerCall().failure("ImportDataset", e);
            }
            return OptionalInt.empty();
        }
    }

    /** Labels the data set with every model the labeler is configured with; {@code rule} "" is the labeler's default. */
    /** Starts labelling {@code dataset} with {@code ladder} (model names, cheapest first; empty: the labeler's configured ladder). */
    public LabellingJobStatus startLabeling(String dataset, int samplesPerModel, String rule, List<String> ladder) {
        return status(services.labelerCall().call("StartLabeling", () -> services.labeler().startLabeling(StartLabelingRequest.newBuilder()
                .setDataset(dataset).setSamplesPerModel(samplesPerModel).setRule(rule).addAllModels(ladder)
                .setStartedBy(ServiceConnections.CALLER).build())));
    }

    public LabellingJobStatus job(String jobId) {
        return status(services.labelerCall().call("GetJob", () -> services.labeler().getJob(
                GetJobRequest.newBuilder().setJobId(jobId).build())));
    }

    /** The job's labels, one per task it labelled, with each model's pass rate in the order of {@code ladder}. */
    public List<TaskOutcome> exportLabels(String jobId, List<String> ladder) {
        return services.labelerCall().call("ExportLabels", () -> {
            List<TaskOutcome> outcomes = new ArrayList<>();
            services.labeler().exportLabels(ExportLabelsRequest.newBuilder().setJobId(jobId).build())
                    .forEachRemaining(label -> outcomes.add(outcome(label, ladder)));
            return outcomes;
        });
    }

    static LabellingJobStatus status(LabelingJob job) {
        Phase phase = switch (job.getState()) {
            case JOB_STATE_RUNNING -> Phase.RUNNING;
            case JOB_STATE_COMPLETED -> Phase.SUCCEEDED;
            default -> Phase.STOPPED;
        };
        return new LabellingJobStatus(job.getJobId(), job.getModelsList(), job.getRuleVersion(), phase, job.getState().name(), job.getTasksTotal(),
                job.getTasksDone(), job.getParkedCount(), job.getSamplesVerified());
    }

    static TaskOutcome outcome(TaskLabel label, List<String> ladder) {
        double[] rates = new double[ladder.size()];
        for (ModelPassCount passes : label.getPassesList()) {
            int model = ladder.indexOf(passes.getModel());
            if (model >= 0 && passes.getTries() > 0) {
                rates[model] = (double) passes.getPasses() / passes.getTries();
            }
        }
        return new TaskOutcome(label.getTaskSourceId(),
                label.hasComplexity() ? OptionalInt.of(label.getComplexity()) : OptionalInt.empty(), rates);
    }
}
