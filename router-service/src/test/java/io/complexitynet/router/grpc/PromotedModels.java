package io.complexitynet.router.grpc;

import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.domain.DataSplit;
import io.complexitynet.model.domain.LabelledTask;
import io.complexitynet.model.domain.RecordedMbppLabels;
import io.complexitynet.model.domain.TrainingParameters;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.embedding.PromptEncoders;
import io.complexitynet.model.embedding.StaticMiniLmPromptEncoder;
import io.complexitynet.model.learning.AnswerScorer;
import io.complexitynet.model.learning.ModelCodec;
import io.complexitynet.model.training.Trainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Does what the trainer does for the router: trains a complexity model on MBPP's recorded labels and
 * stores it as a promoted version in the label database (with the rows it refers to).
 */
@ApplicationScoped
public class PromotedModels {

    @Inject EntityManager entities;
    @Inject PromptEncoders encoders;

    /** A model read with the trainer's default encoder. */
    public byte[] train(long seed) {
        return train(seed, StaticMiniLmPromptEncoder.ID);
    }

    public byte[] train(long seed, String encoderId) {
        return train(seed, encoderId, RecordedMbppLabels.all(), RecordedMbppLabels.LADDER);
    }

    /** A model of another ladder, trained on labels whose ids follow MBPP's split. */
    public byte[] train(long seed, String encoderId, List<LabelledTask> labels, List<PricedModel> ladder) {
        PromptEncoder encoder = encoders.named(encoderId);
        TrainingParameters defaults = TrainingParameters.defaults();
        TrainingParameters parameters = new TrainingParameters(defaults.headType(), defaults.epochs(), defaults.learningRate(),
                defaults.l2(), seed, defaults.minLabelsPerClass());
        return ModelCodec.encode(new Trainer(encoder).train(labels, ladder, DataSplit.mbpp(), parameters).model());
    }

    /** The same model with the no-tests cascade's answer scorer, as the trainer stores one trained on probed labels. */
    public byte[] withAnswerScorer(byte[] artifact, AnswerScorer scorer) {
        return ModelCodec.encode(ModelCodec.decode(artifact, encoders).withAnswerScorer(scorer));
    }

    /** Stores the artefact as model {@code id} and promotes it. */
    @Transactional
    public void promote(String id, byte[] artifact) {
        OffsetDateTime now = OffsetDateTime.now();
        entities.createNativeQuery("insert into dataset (name, source, imported_at) values ('router-test', 'recorded', ?1)"
                + " on conflict do nothing").setParameter(1, now).executeUpdate();
        entities.createNativeQuery("insert into labeling_job (id, dataset_id, models, samples_per_model, temperature, rule_id,"
                + " reliable_pass_rate, rule_version, state, tasks_total, started_by, created_at)"
                + " select 'router-test', id, 'a', 1, 0, 'paper5', 0.8, 'v', 'COMPLETED', 0, 'test', ?1 from dataset"
                + " where name = 'router-test' on conflict do nothing").setParameter(1, now).executeUpdate();
        entities.createNativeQuery("insert into training_job (id, labeling_job_id, parameters, state, stage, progress, started_by,"
                + " created_at) values (?1, 'router-test', '{}', 'SUCCEEDED', 'done', 1, 'test', ?2)").setParameter(1, id)
                .setParameter(2, now).executeUpdate();
        entities.createNativeQuery("insert into complexity_model (id, training_job_id, labeling_job_id, data_fingerprint, parameters,"
                + " ladder, metrics, report, artifact, created_by, created_at) values (?1, ?1, 'router-test', 'f', '{}', 'a', '{}', '',"
                + " ?2, 'test', ?3)").setParameter(1, id).setParameter(2, artifact).setParameter(3, now).executeUpdate();
        entities.createNativeQuery("insert into model_promotion (model_id, promoted_by, promoted_at, event_published)"
                + " values (?1, 'test', ?2, true)").setParameter(1, id).setParameter(2, now).executeUpdate();
    }
}
