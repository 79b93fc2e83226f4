package io.complexitynet.trainer.grpc;

import io.complexitynet.auth.Caller;
import io.complexitynet.proto.v1.GetModelRequest;
import io.complexitynet.proto.v1.GetTrainingJobRequest;
import io.complexitynet.proto.v1.ListModelsRequest;
import io.complexitynet.proto.v1.ListModelsResponse;
import io.complexitynet.proto.v1.ModelInfo;
import io.complexitynet.proto.v1.PromoteModelRequest;
import io.complexitynet.proto.v1.StartTrainingRequest;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.complexitynet.proto.v1.TrainingJob;
import io.complexitynet.service.grpc.GrpcApi;
import io.complexitynet.trainer.application.Promotions;
import io.complexitynet.trainer.application.TrainedModels;
import io.complexitynet.trainer.application.TrainingJobs;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;

/**
 * The Trainer gRPC API: maps requests, asks the application layer, maps answers.
 * Every call needs a bearer token with the realm role {@value #ADMIN_ROLE} (unless complexitynet.auth.enabled is false).
 */
@GrpcService
@RolesAllowed(TrainerGrpcService.ADMIN_ROLE)
public class TrainerGrpcService implements io.complexitynet.proto.v1.Trainer {

    static final String ADMIN_ROLE = "trainer-admin";
    private static final GrpcApi API = new GrpcApi(TrainerGrpc.SERVICE_NAME, ADMIN_ROLE, "trainer");

    private final TrainingJobs jobs;
    private final TrainedModels models;
    private final Promotions promotions;
    private final TrainerMapping mapping;
    private final Caller caller;

    TrainerGrpcService(TrainingJobs jobs, TrainedModels models, Promotions promotions, TrainerMapping mapping, Caller caller) {
        this.jobs = jobs;
        this.models = models;
        this.promotions = promotions;
        this.mapping = mapping;
        this.caller = caller;
    }

    @Override
    @Blocking
    public Uni<TrainingJob> startTraining(StartTrainingRequest request) {
        return API.answer(() -> mapping.job(jobs.start(mapping.training(request, caller.name(request.getStartedBy())))));
    }

    @Override
    @Blocking
    public Uni<TrainingJob> getJob(GetTrainingJobRequest request) {
        return API.answer(() -> mapping.job(models.job(request.getJobId())));
    }

    @Override
    @Blocking
    public Uni<ListModelsResponse> listModels(ListModelsRequest request) {
        return API.answer(() -> mapping.models(models.page(request.getPageSize(), request.getPageToken())));
    }

    @Override
    @Blocking
    public Uni<ModelInfo> getModel(GetModelRequest request) {
        return API.answer(() -> mapping.model(models.model(request.getModelId(), request.getIncludeArtifact())));
    }

    @Override
    @Blocking
    public Uni<ModelInfo> promoteModel(PromoteModelRequest request) {
        return API.answer(() -> mapping.model(promotions.promote(request.getModelId(), caller.name(request.getPromotedBy()))));
    }
}
