package io.complexitynet.router.classifier;

import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.Prediction;
import io.complexitynet.database.training.ModelPromotions;
import io.complexitynet.model.domain.ClassifierInput;
import io.complexitynet.model.embedding.PromptEncoders;
import io.complexitynet.model.learning.ComplexityModel;
import io.complexitynet.model.learning.ModelCodec;
import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.service.resilience.TransientFailures;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The promoted complexity model, in-process. Loaded from the label database at start, again on
 * every model-promoted event, and whenever the periodic check ({@code router.promotion-check-interval}) finds
 * another model promoted than the one loaded (an event missed); the swap is one reference write, so a request in flight finishes on the
 * model it started with and the next one uses the new model. Each model is read with the prompt encoder it
 * names. A model that cannot be loaded leaves the current one in place. At most
 * {@code router.classify-concurrency} prompts are encoded at once, first come first served.
 */
@ApplicationScoped
public class PromotedClassifier {

    private static final Logger LOG = Logger.getLogger(PromotedClassifier.class);

    /** A loaded model with its identity. */
    public record Loaded(String id, long version, ComplexityModel model) {
    }

    private final ModelPromotions promotions;
    private final PromptEncoders encoders;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final Semaphore classifying;

    PromotedClassifier(ModelPromotions promotions, PromptEncoders encoders, RouterConfig config) {
        this.promotions = promotions;
        this.encoders = encoders;
        int concurrency = config.classifyConcurrency().orElse(Runtime.getRuntime().availableProcessors());
        if (concurrency < 1) {
            throw new IllegalStateException("router.classify-concurrency must be at least 1, got " + concurrency);
        }
        this.classifying = new Semaphore(concurrency, true);
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    /** Loads the promoted model if it is not the one in use; returns what is in use afterwards. */
    public synchronized Optional<Loaded> reload() {
        Optional<ModelPromotions.PromotedModel> promoted = promotions.latest();
        Loaded inUse = current.get();
        if (promoted.isEmpty()) {
            LOG.warn("no complexity model is promoted yet: Route and Classify answer UNAVAILABLE until one is");
            return Optional.ofNullable(inUse);
        }
        ModelPromotions.PromotedModel stored = promoted.get();
        if (inUse != null && inUse.id().equals(stored.id())) {
            return Optional.of(inUse);
        }
        try {
            Loaded loaded = new Loaded(stored.id(), stored.version(), ModelCodec.decode(stored.artifact(), encoders));
            current.set(loaded);
            LOG.infof("complexity model %s (version %d) in use", loaded.id(), loaded.version());
            return Optional.of(loaded);
        } catch (RuntimeException e) {
            LOG.errorf(e, "complexity model %s could not be loaded; keeping %s", stored.id(), inUse == null ? "none" : inUse.id());
            return Optional.ofNullable(inUse);
        }
    }

    /**
     * Loads the promoted model when it is not the one in use: a promotion whose event this replica never handled (the
     * consumer gave up after its retry window, or the event came while the replica's queue did not exist) is caught
     * up with here. Reads only the promoted id while they agree. A database outage waits for the next check.
     */
    @Scheduled(every = "{router.promotion-check-interval}", delayed = "{router.promotion-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void catchUp() {
        try {
            Optional<String> promoted = promotions.latestId();
            Loaded inUse = current.get();
            if (promoted.isPresent() && (inUse == null || !inUse.id().equals(promoted.get()))) {
                LOG.infof("complexity model %s is promoted but %s is in use: loading it", promoted.get(), inUse == null ? "none" : inUse.id());
                reload();
            }
        } catch (RuntimeException e) {
            if (!TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.debugf("the promoted model could not be checked, again at the next check: %s", e.getMessage());
        }
    }

    public Optional<Loaded> inUse() {
        return Optional.ofNullable(current.get());
    }

    /** The model in use and its prediction for the prompt (and tests, which name the function). */
    public Classified classify(String prompt, List<String> tests) {
        Loaded loaded = current.get();
        if (loaded == null) {
            throw RequestRefused.unavailable(
                    "no complexity model has been promoted yet; train one and promote it with the Trainer API");
        }
        classifying.acquireUninterruptibly();
        try {
            return new Classified(loaded, loaded.model().predict(ClassifierInput.of(prompt, tests)));
        } finally {
            classifying.release();
        }
    }

    public record Classified(Loaded model, Prediction prediction) {
    }
}
