package io.complexitynet.labeler.grpc;

import io.complexitynet.auth.Caller;
import io.complexitynet.labeler.application.LabelPage;
import io.complexitynet.labeler.application.LabelView;
import io.complexitynet.labeler.application.LabelingJobs;
import io.complexitynet.proto.v1.CancelJobRequest;
import io.complexitynet.proto.v1.Dataset;
import io.complexitynet.proto.v1.DatasetContent;
import io.complexitynet.proto.v1.ExportLabelsRequest;
import io.complexitynet.proto.v1.GetJobRequest;
import io.complexitynet.proto.v1.ImportDatasetRequest;
import io.complexitynet.proto.v1.LabelingJob;
import io.complexitynet.proto.v1.ListLabelsRequest;
import io.complexitynet.proto.v1.ListLabelsResponse;
import io.complexitynet.proto.v1.RetryParkedRequest;
import io.complexitynet.proto.v1.RetryParkedResponse;
import io.complexitynet.proto.v1.StartLabelingRequest;
import io.complexitynet.proto.v1.TaskLabel;
import io.complexitynet.service.grpc.ServiceApis;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Labeler gRPC API: maps each request to {@link LabelingJobs}, the labeler's application layer, and its
 * answer back. Every call needs a bearer token with the labeler role {@value ServiceApis#LABELER_ROLE} (unless
 * complexitynet.auth.enabled is false).
 */
@GrpcService
@RolesAllowed(ServiceApis.LABELER_ROLE)
public class LabelerGrpcService implements io.complexitynet.proto.v1.Labeler {

    @Inject LabelingJobs jobs;
    @Inject Caller caller;

    @Override
    @Blocking
    public Uni<Dataset> importDataset(ImportDatasetRequest request) {
        return ServiceApis.LABELER.answer(() -> {
            return LabelerMapping.dataset(jobs.importDataset(request.getName(), request.getPath(), request.getFormat()));
        });
    }

    @Override
    public Uni<Dataset> importDatasetContent(Multi<DatasetContent> request) {
        // Collected as it arrives, the limit checked per piece; parsed and stored off the event loop.
        return request.collect().in(jobs::upload,
                        (upload, content) -> upload.add(content.getName(), content.getFormat(), content.getChunk().toByteArray()))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(upload -> LabelerMapping.dataset(jobs.importDataset(upload)))
                .onFailure().transform(ServiceApis.LABELER::status);
    }

    @Override
    @Blocking
    public Uni<LabelingJob> startLabeling(StartLabelingRequest request) {
        return ServiceApis.LABELER.answer(() -> LabelerMapping.job(jobs.start(request.getDataset(), request.getModelsList(),
                request.getSamplesPerModel(), request.getTemperature(), request.getRule(), request.getReliablePassRate(),
                caller.name(request.getStartedBy()))));
    }

    @Override
    @Blocking
    public Uni<LabelingJob> getJob(GetJobRequest request) {
        return ServiceApis.LABELER.answer(() -> LabelerMapping.job(jobs.job(request.getJobId())));
    }

    @Override
    @Blocking
    public Uni<LabelingJob> cancelJob(CancelJobRequest request) {
        return ServiceApis.LABELER.answer(() -> LabelerMapping.job(jobs.cancel(request.getJobId())));
    }

    @Override
    @Blocking
    public Uni<RetryParkedResponse> retryParked(RetryParkedRequest request) {
        return ServiceApis.LABELER.answer(() -> {
            LabelingJobs.Retried retried = jobs.retryParked(request.getJobId());
            return RetryParkedResponse.newBuilder().setJob(LabelerMapping.job(retried.job())).setTasksRetried(retried.tasks()).build();
        });
    }

    @Override
    @Blocking
    public Uni<ListLabelsResponse> listLabels(ListLabelsRequest request) {
        return ServiceApis.LABELER.answer(() -> {
            LabelPage page = jobs.labels(request.getDataset(), request.getJobId(),
                    request.hasComplexity() ? OptionalInt.of(request.getComplexity()) : OptionalInt.empty(),
                    request.getPageToken(), request.getPageSize());
            ListLabelsResponse.Builder response = ListLabelsResponse.newBuilder();
            page.labels().forEach(label -> response.addLabels(LabelerMapping.label(label)));
            page.nextPageToken().ifPresent(response::setNextPageToken);
            return response.build();
        });
    }

    @Override
    @Blocking
    public Multi<TaskLabel> exportLabels(ExportLabelsRequest request) {
        LabelingJobs.LabelledJob job;
        try {
            job = jobs.labelledJob(request.getDataset(), request.getJobId());
        } catch (RuntimeException e) {
            return Multi.createFrom().failure(ServiceApis.LABELER.status(e));
        }
        AtomicLong after = new AtomicLong();
        // Page by page as the client asks for more, so a large export never sits in memory whole.
        return Multi.createBy().repeating().supplier(() -> {
                    List<LabelView> page = jobs.labelsAfter(job, after.get());
                    if (!page.isEmpty()) {
                        after.set(page.get(page.size() - 1).taskId());
                    }
                    return page.stream().map(LabelerMapping::label).toList();
                })
                .until(List::isEmpty)
                .onItem().transformToIterable(labels -> labels)
                .onFailure().transform(ServiceApis.LABELER::status);
    }
}
