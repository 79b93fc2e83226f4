package io.complexitynet.trainer.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.complexitynet.core.jobs.TrainingJobState;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.database.JsonColumn;
import io.complexitynet.database.training.ComplexityModelEntity;
import io.complexitynet.database.training.ModelPromotionEntity;
import io.complexitynet.database.training.TrainingJobEntity;
import io.complexitynet.trainer.domain.HeadlineMetrics;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Model versions and promotions. */
@ApplicationScoped
public class ModelStore {

    /** What a finished training run stores. */
    public record NewModel(String dataFingerprint, String parametersJson, List<String> ladder, String metricsJson,
                           String report, byte[] artifact) {
    }

    @Inject EntityManager entities;
    @Inject ObjectMapper json;

    /** The headline metrics the model was stored with. */
    public HeadlineMetrics metrics(ComplexityModelEntity model) {
        return JsonColumn.read(json, model.metrics, HeadlineMetrics.class, "the metrics of model " + model.id);
    }

    /**
     * Stores the job's model and marks the job succeeded, together. A job that already stored its
     * model (a redelivered request after a crash) keeps the first one: one job, one model.
     */
    @Transactional
    public ComplexityModelEntity storeAndSucceed(TrainingJobEntity job, NewModel model) {
        entities.createQuery("insert into ComplexityModelEntity (id, trainingJobId, labelingJobId, dataFingerprint, parameters,"
                        + " ladder, metrics, report, artifact, createdBy, createdAt) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                        + " on conflict do nothing")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, job.id).setParameter(3, job.labelingJobId)
                .setParameter(4, model.dataFingerprint()).setParameter(5, model.parametersJson())
                .setParameter(6, String.join(",", model.ladder())).setParameter(7, model.metricsJson())
                .setParameter(8, model.report()).setParameter(9, model.artifact()).setParameter(10, job.startedBy)
                .setParameter(11, OffsetDateTime.now()).executeUpdate();
        // failure_reason may hold an earlier delivery's error: a job that succeeded has none.
        TrainingJobEntity.update("state = ?1, stage = 'done', progress = 1, failureReason = null, finishedAt = ?2 where id = ?3"
                        + " and state = ?4",
                TrainingJobState.SUCCEEDED, OffsetDateTime.now(), job.id, TrainingJobState.RUNNING);
        return byTrainingJob(job.id).orElseThrow();
    }

    @Transactional
    public Optional<ComplexityModelEntity> byTrainingJob(String trainingJobId) {
        return ComplexityModelEntity.find("trainingJobId", trainingJobId).firstResultOptional();
    }

    @Transactional
    public ComplexityModelEntity get(String id) {
        ComplexityModelEntity model = ComplexityModelEntity.findById(id);
        if (model == null) {
            throw RequestRefused.notFound("no model " + id);
        }
        return model;
    }

    @Transactional
    public List<ComplexityModelEntity> page(int index, int size) {
        return ComplexityModelEntity.findAll(Sort.descending("version")).page(Page.of(index, size)).list();
    }

    @Transactional
    public Optional<ModelPromotionEntity> latestPromotion() {
        return ModelPromotionEntity.findAll(Sort.descending("promotedAt", "id")).firstResultOptional();
    }

    @Transactional
    public Optional<ModelPromotionEntity> latestPromotionOf(String modelId) {
        return ModelPromotionEntity.find("modelId", Sort.descending("promotedAt", "id"), modelId).firstResultOptional();
    }

    @Transactional
    public ModelPromotionEntity promote(String modelId, String promotedBy) {
        ModelPromotionEntity promotion = new ModelPromotionEntity();
        promotion.modelId = modelId;
        promotion.promotedBy = promotedBy;
        promotion.promotedAt = OffsetDateTime.now();
        promotion.persist();
        return promotion;
    }

    @Transactional
    public List<ModelPromotionEntity> awaitingEvent() {
        return ModelPromotionEntity.list("eventPublished = false order by id");
    }

    @Transactional
    public void markEventPublished(long promotionId) {
        ModelPromotionEntity.update("eventPublished = true where id = ?1", promotionId);
    }
}
