package io.complexitynet.trainer.grpc;

import io.complexitynet.auth.Caller;
import io.complexitynet.proto.v1.GetModelRequest;
import io.complexitynet.proto.v1.GetTrainingJobRequest;
import io.complexitynet.proto.v1.ListModelsRequest;
import io.complexitynet.proto.v1.ListModelsResponse;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.PromoteModelRequest;
import io.complexitynet.proto.v1.RetryTrainingJobRequest;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.service.grpc.ServiceApis;
import io.complexitynet.trainer.application.Promotions;
import io.complexitynet.trainer.application.TrainedModels;
import io.complexitynet.trainer.application.TrainingJobs;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * The Trainer gRPC API: maps requests, asks the application layer, maps answers.
 * Every call needs a bearer token with the trainer role {@value ServiceApis#TRAINER_ROLE} (unless complexitynet.auth.enabled is false).
 */
@GrpcService
@RolesAllowed(ServiceApis.TRAINER_ROLE)
public class TrainerGrpcService implements io.complexitynet.proto.v1.Trainer {

    @Inject TrainingJobs jobs;
    @Inject TrainedModels models;
    @Inject Promotions promotions;
    @Inject TrainerMapping mapping;
    @Inject Caller caller;

    @Override
    @Blocking
    public Uni<TrainingJob> startTraining(StartTrainingRequest request) {
        return ServiceApis.TRAINER.answer(() -> mapping.job(jobs.start(mapping.training(request, caller.name(request.getStartedBy())))));
    }

    @Override
    @Blocking
    public Uni<TrainingJob> getJob(GetTrainingJobRequest request) {
        return ServiceApis.TRAINER.answer(() -> mapping.job(models.job(request.getJobId())));
    }

    @Override
    @Blocking
    public Uni<ListModelsResponse> listModels(ListModelsRequest request) {
        return ServiceApis.TRAINER.answer(() -> mapping.models(models.page(request.getPageSize(), request.getPageToken())));
    }

    @Override
    @Blocking
    public Uni<ModelInfo> getModel(GetModelRequest request) {
        return ServiceApis.TRAINER.answer(() -> mapping.model(models.model(request.getModelId(), request.getIncludeArtifact())));
    }

    @Override
    @Blocking
    public Uni<ModelInfo> promoteModel(PromoteModelRequest request) {
        return ServiceApis.TRAINER.answer(() -> mapping.model(promotions.promote(request.getModelId(), caller.name(request.getPromotedBy()))));
    }

    @Override
    @Blocking
    public Uni<TrainingJob> retryJob(RetryTrainingJobRequest request) {
        return ServiceApis.TRAINER.answer(() -> mapping.job(jobs.retry(request.getJobId())));
    }
}
