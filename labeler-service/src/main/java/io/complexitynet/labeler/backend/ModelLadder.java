package io.complexitynet.labeler.backend;

import io.complexitynet.core.backend.ModelBackend;
import io.complexitynet.core.backend.OpenAiCompatibleBackend;
import io.complexitynet.core.backend.OpenAiEndpoint;
import io.complexitynet.core.backend.ReplayBackend;
import io.complexitynet.labeler.config.LabelerConfig;
import io.complexitynet.labeler.persistence.ModelEntity;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The configured models, cheapest first, each with its backend. The replay file is loaded once,
 * and only if some model replays; API keys are read from the environment variables the
 * configuration names.
 */
@ApplicationScoped
public class ModelLadder {

    private static final Logger LOG = Logger.getLogger(ModelLadder.class);

    private final LabelerConfig config;
    private final Map<String, ModelBackend> backends = new LinkedHashMap<>();
    private final Map<String, Integer> maxTokens = new LinkedHashMap<>();

    ModelLadder(LabelerConfig config) {
        this.config = config;
        ReplayBackend replay = null;
        for (LabelerConfig.Model model : config.models()) {
            ModelBackend backend;
            switch (model.backend()) {
                case "replay" -> {
                    if (replay == null) {
                        replay = ReplayBackend.load(config.replay().file());
                    }
                    backend = replay;
                }
                case "openai" -> backend = new OpenAiCompatibleBackend(endpoint(model));
                default -> throw new IllegalStateException("labeler.models: model " + model.name()
                        + " has unknown backend '" + model.backend() + "' (replay or openai)");
            }
            if (backends.put(model.name(), backend) != null) {
                throw new IllegalStateException("labeler.models: model " + model.name() + " is configured twice");
            }
            maxTokens.put(model.name(), model.maxTokens());
        }
        if (backends.isEmpty()) {
            throw new IllegalStateException("labeler.models: configure at least one model");
        }
    }

    private static OpenAiEndpoint endpoint(LabelerConfig.Model model) {
        Optional<String> apiKey = model.apiKeyEnv().map(System::getenv).filter(key -> !key.isBlank());
        if (model.apiKeyEnv().isPresent() && apiKey.isEmpty()) {
            LOG.warnf("model %s: environment variable %s is not set; calling without an API key", model.name(), model.apiKeyEnv().get());
        }
        return new OpenAiEndpoint(model.baseUrl().orElseThrow(() -> new IllegalStateException(
                        "labeler.models: openai model " + model.name() + " needs a base-url")),
                apiKey, model.remoteModel().orElse(model.name()), model.requestTimeout(), model.maxRetries(),
                model.initialBackoff(), model.maxBackoff(), model.maxConcurrency());
    }

    /** Model names, cheapest first. */
    public List<String> names() {
        return List.copyOf(backends.keySet());
    }

    public ModelBackend backend(String model) {
        ModelBackend backend = backends.get(model);
        if (backend == null) {
            throw new IllegalArgumentException("model " + model + " is not configured on this labeler");
        }
        return backend;
    }

    public int maxTokens(String model) {
        return maxTokens.getOrDefault(model, 512);
    }

    /** Records the ladder in the label database, so other services see names, backends and costs. */
    @Transactional
    void recordLadder(@Observes StartupEvent event) {
        int order = 0;
        for (LabelerConfig.Model model : config.models()) {
            ModelEntity entity = ModelEntity.findById(model.name());
            boolean known = entity != null;
            if (!known) {
                entity = new ModelEntity();
                entity.name = model.name();
            }
            entity.backend = model.backend();
            entity.costUnitsPer1k = model.costUnitsPer1k();
            entity.ladderOrder = order++;
            if (!known) {
                entity.persist();
            }
        }
    }
}
