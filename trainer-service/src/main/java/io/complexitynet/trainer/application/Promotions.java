package io.complexitynet.trainer.application;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.database.training.ComplexityModelEntity;
import io.complexitynet.database.training.ModelPromotionEntity;
import io.complexitynet.trainer.config.TrainerConfig;
import io.complexitynet.trainer.domain.HeadlineMetrics;
import io.complexitynet.trainer.domain.PromotionPolicy;
import io.complexitynet.trainer.messaging.PromotionDispatcher;
import io.complexitynet.trainer.persistence.ModelStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Promotes models: by hand (PromoteModel, held to the policy when so configured) and, when configured, every newly
 * trained model that meets the {@link PromotionPolicy}.
 */
@ApplicationScoped
public class Promotions {

    private static final Logger LOG = Logger.getLogger(Promotions.class);

    @Inject TrainerConfig config;
    @Inject ModelStore models;
    @Inject PromotionDispatcher dispatcher;
    @Inject TrainedModels trained;

    /** PromoteModel: makes the model the promoted one in {@code promotedBy}'s name and answers it as it now stands. */
    public ModelView promote(String modelId, String promotedBy) {
        if (modelId.isBlank()) {
            throw RequestRefused.invalidArgument("model_id", "is empty");
        }
        return trained.promoted(promoteAs(modelId, promotedBy).modelId);
    }

    /**
     * With {@code trainer.promotion.automatic}, promotes a newly stored model as promotion-policy if it meets the
     * policy, and otherwise logs why not.
     */
    void promoteIfPolicyHolds(ComplexityModelEntity model, HeadlineMetrics headline) {
        if (!config.promotion().automatic()) {
            return;
        }
        Optional<String> refusal = policy().refusal(headline, promotedMetrics());
        if (refusal.isPresent()) {
            LOG.infof("model_id=%s not promoted automatically: %s", model.id, refusal.get());
            return;
        }
        promoteAs(model.id, "promotion-policy");
    }

    /**
     * Makes the model the promoted one, held to the policy when enforce-on-manual is on, and publishes model-promoted
     * (outbox: retried until the broker confirms).
     */
    private ModelPromotionEntity promoteAs(String modelId, String promotedBy) {
        ComplexityModelEntity model = models.get(modelId);
        if (config.promotion().enforceOnManual()) {
            Optional<String> refusal = policy().refusal(models.metrics(model), promotedMetrics());
            if (refusal.isPresent()) {
                throw RequestRefused.wrongState("model " + modelId + " does not meet the promotion policy: " + refusal.get());
            }
        }
        ModelPromotionEntity promotion = models.promote(modelId, promotedBy == null || promotedBy.isBlank() ? "anonymous" : promotedBy);
        try {
            dispatcher.publishPromotions();
        } catch (RuntimeException e) {
            LOG.warnf("model_id=%s promoted; the model-promoted event will be retried: %s", modelId, e.getMessage());
        }
        return promotion;
    }

    private PromotionPolicy policy() {
        return new PromotionPolicy(config.promotion().minPassRateGain());
    }

    private Optional<HeadlineMetrics> promotedMetrics() {
        return models.latestPromotion().map(p -> models.metrics(models.get(p.modelId)));
    }
}
