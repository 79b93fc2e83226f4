package io.complexitynet.labeler.grpc;

import io.complexitynet.auth.Caller;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.labeler.backend.ModelLadder;
import io.complexitynet.labeler.config.LabelerConfig;
import io.complexitynet.labeler.domain.JobSpec;
import io.complexitynet.labeler.messaging.WorkDispatcher;
import io.complexitynet.labeler.persistence.DatasetEntity;
import io.complexitynet.labeler.persistence.DatasetStore;
import io.complexitynet.labeler.persistence.JobEntity;
import io.complexitynet.labeler.persistence.JobStore;
import io.complexitynet.labeler.persistence.LabelQueries;
import io.complexitynet.labeler.persistence.TaskLabelEntity;
import io.complexitynet.proto.v1.CancelJobRequest;
import io.complexitynet.proto.v1.Dataset;
import io.complexitynet.proto.v1.ExportLabelsRequest;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ListLabelsRequest;
import io.complexitynet.proto.v1.ListLabelsResponse;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.complexitynet.proto.v1.TaskLabel;
import io.complexitynet.service.grpc.GrpcApi;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The Labeler gRPC API: validates and maps requests, asks the stores and the dispatcher, maps answers.
 * Every call needs a bearer token with the realm role {@value #ADMIN_ROLE} (unless complexitynet.auth.enabled is false).
 */
@GrpcService
@RolesAllowed(LabelerGrpcService.ADMIN_ROLE)
public class LabelerGrpcService implements io.complexitynet.proto.v1.Labeler {

    static final String ADMIN_ROLE = "labeler-admin";
    private static final GrpcApi API = new GrpcApi(LabelerGrpc.SERVICE_NAME, ADMIN_ROLE, "labeler");

    private static final Logger LOG = Logger.getLogger(LabelerGrpcService.class);
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final DatasetStore datasets;
    private final JobStore jobs;
    private final LabelQueries queries;
    private final WorkDispatcher dispatcher;
    private final ModelLadder ladder;
    private final LabelerConfig config;
    private final LabelerMapping mapping;
    private final Caller caller;

    LabelerGrpcService(DatasetStore datasets, JobStore jobs, LabelQueries queries, WorkDispatcher dispatcher,
                       ModelLadder ladder, LabelerConfig config, LabelerMapping mapping, Caller caller) {
        this.datasets = datasets;
        this.jobs = jobs;
        this.queries = queries;
        this.dispatcher = dispatcher;
        this.ladder = ladder;
        this.config = config;
        this.mapping = mapping;
        this.caller = caller;
    }

    @Override
    @Blocking
    public Uni<Dataset> importDataset(ImportDatasetRequest request) {
        return API.answer(() -> {
            if (request.getPath().isBlank()) {
                throw RequestRefused.invalidArgument("path", "is empty; give a JSONL file the labeler can read");
            }
            DatasetEntity dataset = datasets.importMbpp(request.getName(), Path.of(request.getPath()));
            LOG.infof("dataset=%s imported from %s", dataset.name, dataset.source);
            return Dataset.newBuilder().setName(dataset.name).setTasks((int) datasets.taskCount(dataset.id)).build();
        });
    }

    @Override
    @Blocking
    public Uni<LabelingJob> startLabeling(StartLabelingRequest request) {
        return API.answer(() -> {
            JobSpec spec = JobSpec.of(request.getDataset(), request.getModelsList(), request.getSamplesPerModel(),
                    request.getTemperature(), request.getRule(), request.getReliablePassRate(), ladder.names(),
                    config.work().maxSamplesPerModel());
            String startedBy = caller.name(request.getStartedBy());
            JobEntity job = jobs.create(spec, spec.rule().version(), startedBy);
            LOG.infof("job_id=%s started by %s: dataset=%s models=%s k=%d rule=%s tasks=%d", job.id, startedBy,
                    spec.dataset(), spec.models(), spec.samplesPerModel(), job.ruleVersion, job.tasksTotal);
            dispatcher.sendUnsentWork();
            return mapping.job(job);
        });
    }

    @Override
    @Blocking
    public Uni<LabelingJob> getJob(GetJobRequest request) {
        return API.answer(() -> mapping.job(job(request.getJobId())));
    }

    @Override
    @Blocking
    public Uni<LabelingJob> cancelJob(CancelJobRequest request) {
        return API.answer(() -> {
            job(request.getJobId());
            JobEntity cancelled = jobs.cancel(request.getJobId());
            LOG.infof("job_id=%s cancelled", cancelled.id);
            return mapping.job(cancelled);
        });
    }

    @Override
    @Blocking
    public Uni<ListLabelsResponse> listLabels(ListLabelsRequest request) {
        return API.answer(() -> {
            JobEntity job = labelledJob(request.getDataset(), request.getJobId());
            int size = request.getPageSize() == 0 ? DEFAULT_PAGE : request.getPageSize();
            if (size < 1 || size > MAX_PAGE) {
                throw RequestRefused.invalidArgument("page_size", size + " is out of range [1, " + MAX_PAGE + "]");
            }
            long after = pageToken(request.getPageToken());
            List<TaskLabelEntity> page = request.hasComplexity()
                    ? queries.labelsOfComplexity(job.id, request.getComplexity(), after, size)
                    : queries.labels(job.id, after, size);
            ListLabelsResponse.Builder response = ListLabelsResponse.newBuilder();
            page.forEach(label -> response.addLabels(mapping.label(job, label)));
            if (page.size() == size) {
                response.setNextPageToken(Long.toString(page.get(page.size() - 1).taskId));
            }
            return response.build();
        });
    }

    @Override
    @Blocking
    public Multi<TaskLabel> exportLabels(ExportLabelsRequest request) {
        JobEntity job;
        try {
            job = labelledJob(request.getDataset(), request.getJobId());
        } catch (RuntimeException e) {
            return Multi.createFrom().failure(API.status(e));
        }
        AtomicLong after = new AtomicLong();
        // Page by page as the client asks for more, so a large export never sits in memory whole.
        return Multi.createBy().repeating().supplier(() -> {
                    List<TaskLabelEntity> page = queries.labels(job.id, after.get(), DEFAULT_PAGE);
                    if (!page.isEmpty()) {
                        after.set(page.get(page.size() - 1).taskId);
                    }
                    return page.stream().map(label -> mapping.label(job, label)).toList();
                })
                .until(List::isEmpty)
                .onItem().transformToIterable(labels -> labels)
                .onFailure().transform(API::status);
    }

    private JobEntity job(String jobId) {
        if (jobId.isBlank()) {
            throw RequestRefused.invalidArgument("job_id", "is empty");
        }
        return jobs.job(jobId).orElseThrow(() -> RequestRefused.notFound("no labelling job " + jobId));
    }

    private JobEntity labelledJob(String dataset, String jobId) {
        if (!jobId.isBlank()) {
            JobEntity job = job(jobId);
            if (!dataset.isBlank() && !DatasetEntity.byName(dataset).map(d -> d.id.equals(job.datasetId)).orElse(false)) {
                throw RequestRefused.invalidArgument("dataset", "job " + jobId + " did not label data set '" + dataset + "'");
            }
            return job;
        }
        if (dataset.isBlank()) {
            throw RequestRefused.invalidArgument("dataset", "give a data set or a job_id");
        }
        DatasetEntity found = DatasetEntity.byName(dataset)
                .orElseThrow(() -> RequestRefused.notFound("no data set named '" + dataset + "'"));
        return queries.currentJob(found.id)
                .orElseThrow(() -> RequestRefused.notFound("data set '" + dataset + "' has not been labelled"));
    }

    private static long pageToken(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw RequestRefused.invalidArgument("page_token", "is not a token this service gave out");
        }
    }
}
