package io.complexitynet.trainer.grpc;

import io.complexitynet.auth.Caller;
import io.complexitynet.core.refusal.RequestRefused;
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
import io.complexitynet.trainer.persistence.ComplexityModelEntity;
import io.complexitynet.trainer.persistence.ModelPromotionEntity;
import io.complexitynet.trainer.persistence.ModelStore;
import io.complexitynet.trainer.persistence.TrainingJobEntity;
import io.complexitynet.trainer.persistence.TrainingJobStore;
import io.complexitynet.trainer.domain.TrainingRequest;
import io.complexitynet.trainer.application.TrainingWorkflow;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;

/**
 * The Trainer gRPC API: validates and maps requests, asks the workflow and the stores, maps answers.
 * Every call needs a bearer token with the realm role {@value #ADMIN_ROLE} (unless complexitynet.auth.enabled is false).
 */
@GrpcService
@RolesAllowed(TrainerGrpcService.ADMIN_ROLE)
public class TrainerGrpcService implements io.complexitynet.proto.v1.Trainer {

    static final String ADMIN_ROLE = "trainer-admin";
    private static final GrpcApi API = new GrpcApi(TrainerGrpc.SERVICE_NAME, ADMIN_ROLE, "trainer");
    /** GetModel's name for whichever model is promoted now. */
    static final String PROMOTED = "promoted";
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 200;

    private final TrainingWorkflow workflow;
    private final TrainingJobStore jobs;
    private final ModelStore models;
    private final TrainerMapping mapping;
    private final Caller caller;

    TrainerGrpcService(TrainingWorkflow workflow, TrainingJobStore jobs, ModelStore models, TrainerMapping mapping, Caller caller) {
        this.workflow = workflow;
        this.jobs = jobs;
        this.models = models;
        this.mapping = mapping;
        this.caller = caller;
    }

    @Override
    @Blocking
    public Uni<TrainingJob> startTraining(StartTrainingRequest request) {
        return API.answer(() -> {
            TrainingRequest training = new TrainingRequest(
                    request.getSourceCase() == StartTrainingRequest.SourceCase.LABELING_JOB_ID ? request.getLabelingJobId() : null,
                    request.getSourceCase() == StartTrainingRequest.SourceCase.DATASET ? request.getDataset() : null,
                    request.getSplit(), request.getHeadType(), request.getEpochs(), request.getLearningRate(),
                    request.getSeed(), caller.name(request.getStartedBy()), request.getIncludeRoutedSamples());
            return mapping.job(workflow.start(training), Optional.empty());
        });
    }

    @Override
    @Blocking
    public Uni<TrainingJob> getJob(GetTrainingJobRequest request) {
        return API.answer(() -> {
            TrainingJobEntity job = jobs.get(request.getJobId());
            return mapping.job(job, models.byTrainingJob(job.id));
        });
    }

    @Override
    @Blocking
    public Uni<ListModelsResponse> listModels(ListModelsRequest request) {
        return API.answer(() -> {
            int size = request.getPageSize() == 0 ? DEFAULT_PAGE : request.getPageSize();
            if (size < 0 || size > MAX_PAGE) {
                throw RequestRefused.invalidArgument("page_size", "must be between 1 and " + MAX_PAGE + ", was " + size);
            }
            int page = pageIndex(request.getPageToken());
            List<ComplexityModelEntity> found = models.page(page, size + 1);
            Optional<String> promoted = models.latestPromotion().map(p -> p.modelId);
            ListModelsResponse.Builder response = ListModelsResponse.newBuilder();
            found.stream().limit(size).forEach(model -> response.addModels(info(model, promoted, false)));
            if (found.size() > size) {
                response.setNextPageToken(Integer.toString(page + 1));
            }
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<ModelInfo> getModel(GetModelRequest request) {
        return API.answer(() -> {
            Optional<String> promoted = models.latestPromotion().map(p -> p.modelId);
            String id = request.getModelId();
            if (PROMOTED.equals(id)) {
                id = promoted.orElseThrow(() -> RequestRefused.notFound("no model has been promoted yet"));
            } else if (id.isBlank()) {
                throw RequestRefused.invalidArgument("model_id", "is empty; give a model id or \"" + PROMOTED + "\"");
            }
            return info(models.get(id), promoted, request.getIncludeArtifact());
        });
    }

    @Override
    @Blocking
    public Uni<ModelInfo> promoteModel(PromoteModelRequest request) {
        return API.answer(() -> {
            if (request.getModelId().isBlank()) {
                throw RequestRefused.invalidArgument("model_id", "is empty");
            }
            ModelPromotionEntity promotion = workflow.promote(request.getModelId(), caller.name(request.getPromotedBy()));
            return info(models.get(promotion.modelId), Optional.of(promotion.modelId), false);
        });
    }

    private ModelInfo info(ComplexityModelEntity model, Optional<String> promoted, boolean includeArtifact) {
        return mapping.model(model, models.latestPromotionOf(model.id), promoted.filter(model.id::equals).isPresent(), includeArtifact);
    }

    private static int pageIndex(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        int page;
        try {
            page = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            page = -1;
        }
        if (page < 0) {
            throw RequestRefused.invalidArgument("page_token", "'" + token + "' is not a token this API returned");
        }
        return page;
    }
}
