package io.complexitynet.router.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.proto.v1.ModelPromoted;
import io.complexitynet.router.classifier.PromotedClassifier;
import io.complexitynet.service.resilience.TransientRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every router replica hears every promotion (its own queue on the fan-out exchange) and reloads the
 * promoted model from the database; a repeated event finds the model already in use. An event this gives up on (a
 * database outage longer than the retry window: rejected, and gone) is caught up with by
 * {@link PromotedClassifier}'s periodic check.
 */
@ApplicationScoped
public class ModelPromotedConsumer {

    private static final Logger LOG = Logger.getLogger(ModelPromotedConsumer.class);

    @Inject PromotedClassifier classifier;
    @Inject TransientRetry retry;

    @Incoming("model-promoted")
    @Blocking
    @ActivateRequestContext
    public void consume(byte[] payload) throws InvalidProtocolBufferException {
        ModelPromoted event = ModelPromoted.parseFrom(payload);
        LOG.infof("model-promoted: %s (version %d) by %s", event.getModelId(), event.getModelVersion(), event.getPromotedBy());
        retry.run("loading the promoted model", classifier::reload);
    }
}
