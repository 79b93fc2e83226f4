package io.complexitynet.trainer.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.database.JsonColumn;
import io.complexitynet.database.labeling.CompletedLabels;
import io.complexitynet.database.training.ComplexityModelEntity;
import io.complexitynet.database.training.ModelPromotionEntity;
import io.complexitynet.database.training.TrainingJobEntity;
import io.complexitynet.trainer.domain.TrainingSpec;
import io.complexitynet.trainer.persistence.ModelStore;
import io.complexitynet.trainer.persistence.TrainingJobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * What the Trainer API reads: a training job with the model it stored, and the stored models page by page or one
 * by one; unknown ids and bad paging are refused with {@link RequestRefused}.
 */
@ApplicationScoped
public class TrainedModels {

    /** GetModel's name for whichever model is promoted now. */
    private static final String PROMOTED = "promoted";
    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 200;

    @Inject TrainingJobStore jobs;
    @Inject ModelStore models;
    @Inject LabelSources labelSources;
    @Inject ObjectMapper json;

    public TrainingJobView job(String jobId) {
        TrainingJobEntity job = jobs.get(jobId);
        return TrainingJobView.of(job, models.byTrainingJob(job.id)
                .map(model -> new TrainingJobView.StoredModel(model.id, models.metrics(model), model.report)));
    }

    /** Models newest version first; {@code pageSize} 0 means the default, {@code pageToken} is empty or one this API returned. */
    public ModelPage page(int pageSize, String pageToken) {
        int size = pageSize == 0 ? DEFAULT_PAGE : pageSize;
        if (size < 0 || size > MAX_PAGE) {
            throw RequestRefused.invalidArgument("page_size", "must be between 1 and " + MAX_PAGE + ", was " + size);
        }
        int page = pageIndex(pageToken);
        List<ComplexityModelEntity> found = models.page(page, size + 1);
        Optional<String> promoted = models.latestPromotion().map(p -> p.modelId);
        List<ModelView> views = found.stream().limit(size).map(model -> view(model, promoted, false)).toList();
        return new ModelPage(views, found.size() > size ? Optional.of(Integer.toString(page + 1)) : Optional.empty());
    }

    /** The model with this id, or the promoted one for {@value #PROMOTED}. */
    public ModelView model(String modelId, boolean includeArtifact) {
        Optional<String> promoted = models.latestPromotion().map(p -> p.modelId);
        String id = modelId;
        if (PROMOTED.equals(id)) {
            id = promoted.orElseThrow(() -> RequestRefused.notFound("no model has been promoted yet"));
        } else if (id.isBlank()) {
            throw RequestRefused.invalidArgument("model_id", "is empty; give a model id or \"" + PROMOTED + "\"");
        }
        return view(models.get(id), promoted, includeArtifact);
    }

    /** A model just promoted, without its artifact. */
    ModelView promoted(String modelId) {
        return view(models.get(modelId), Optional.of(modelId), false);
    }

    private ModelView view(ComplexityModelEntity model, Optional<String> promoted, boolean includeArtifact) {
        Optional<ModelPromotionEntity> latestPromotion = models.latestPromotionOf(model.id);
        List<CompletedLabels.Job> sources = labelSources.byIds(JsonColumn.read(json, model.parameters, TrainingSpec.class,
                "the parameters of model " + model.id).sources(model.labelingJobId));
        return new ModelView(model.id, model.version, model.labelingJobId, sources.get(0).dataset(),
                model.dataFingerprint, model.parameters, model.ladderNames(), model.createdBy, model.createdAt,
                promoted.filter(model.id::equals).isPresent(), latestPromotion.map(p -> p.promotedAt), models.metrics(model), model.report,
                includeArtifact ? Optional.of(model.artifact) : Optional.empty(), sources.stream().map(CompletedLabels.Job::id).toList(),
                sources.stream().map(CompletedLabels.Job::dataset).toList());
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
