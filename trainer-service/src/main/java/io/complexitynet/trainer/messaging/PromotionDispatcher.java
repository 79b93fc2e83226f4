package io.complexitynet.trainer.messaging;

import io.complexitynet.database.training.ComplexityModelEntity;
import io.complexitynet.database.training.ModelPromotionEntity;
import io.complexitynet.proto.v1.ModelPromoted;
import io.complexitynet.service.messaging.ProtobufMessages;
import io.complexitynet.trainer.persistence.ModelStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes the model-promoted event of every promotion not yet confirmed by the broker, right after
 * a promotion and on schedule; the promotion row is flagged only after the confirm, so a crash
 * between the two publishes it twice, never zero times (routers treat a repeat as a no-op).
 */
@ApplicationScoped
public class PromotionDispatcher {

    private static final Logger LOG = Logger.getLogger(PromotionDispatcher.class);

    @Inject ModelStore models;
    @Inject @Channel("model-promoted-out") MutinyEmitter<byte[]> promoted;

    @Scheduled(every = "${trainer.jobs.dispatch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @ActivateRequestContext
    void dispatch() {
        publishPromotions();
    }

    public synchronized void publishPromotions() {
        for (ModelPromotionEntity promotion : models.awaitingEvent()) {
            ComplexityModelEntity model = models.get(promotion.modelId);
            ModelPromoted event = ModelPromoted.newBuilder().setVersion(1).setModelId(model.id).setModelVersion(model.version)
                    .setPromotedBy(promotion.promotedBy).setPromotedAt(promotion.promotedAt.toString()).build();
            promoted.sendMessageAndAwait(ProtobufMessages.of(event, "model-promoted/" + promotion.id));
            models.markEventPublished(promotion.id);
            LOG.infof("model_id=%s version=%d promoted by %s; model-promoted published", model.id, model.version,
                    promotion.promotedBy);
        }
    }
}
