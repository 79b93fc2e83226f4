package io.complexitynet.core.backend;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The models of a ladder, cheapest first, each with the {@link ModelBackend} that answers for it, built
 * from the {@link ModelSettings} a service configures. Every service that calls the ladder's models (the
 * labeler, the router) builds it here, so a model behaves the same whichever service calls it.
 *
 * <p>The replay file is loaded once, and only if some model replays; all replaying models share it.
 * API keys are read from the environment variables the settings name. A configuration that cannot work
 * fails at once with an {@link IllegalStateException} that starts with the configuration prefix the
 * service passed (e.g. {@code labeler.models: ...}), so the message points at the property to fix.
 */
public final class BackendLadder {

    private static final System.Logger LOG = System.getLogger(BackendLadder.class.getName());

    private record Rung(ModelSettings settings, ModelBackend backend) {
    }

    private final Map<String, Rung> rungs;

    private BackendLadder(Map<String, Rung> rungs) {
        this.rungs = rungs;
    }

    /**
     * Builds the backends of {@code models}, in the given order, reading API keys from the process
     * environment.
     *
     * @param configPrefix where the models are configured, e.g. {@code labeler.models}; starts every error message
     * @param replayFile the recorded outputs replaying models serve; only read if some model replays
     * @throws IllegalStateException when the ladder is empty, a model is named twice, a backend is unknown, or
     *         an openai model's settings are incomplete or out of range
     */
    public static BackendLadder build(String configPrefix, List<ModelSettings> models, Optional<Path> replayFile) {
        return build(configPrefix, models, replayFile, System::getenv);
    }

    /** As {@link #build(String, List, Optional)}, with {@code environment} answering null for an unset variable. */
    static BackendLadder build(String configPrefix, List<ModelSettings> models, Optional<Path> replayFile,
            UnaryOperator<String> environment) {
        if (models.isEmpty()) {
            throw new IllegalStateException(configPrefix + ": configure at least one model");
        }
        Map<String, Rung> rungs = new LinkedHashMap<>();
        ReplayBackend replay = null;
        for (ModelSettings model : models) {
            if (rungs.containsKey(model.name())) {
                throw new IllegalStateException(configPrefix + ": model " + model.name() + " is configured twice");
            }
            ModelBackend backend;
            switch (model.backend()) {
                case "replay" -> {
                    if (replay == null) {
                        replay = ReplayBackend.load(replayFile.orElseThrow(() -> new IllegalStateException(configPrefix
                                + ": model " + model.name() + " replays recorded outputs, but no replay file is configured")));
                    }
                    backend = replay;
                }
                case "openai" -> backend = new OpenAiCompatibleBackend(endpoint(configPrefix, model, environment));
                default -> throw new IllegalStateException(configPrefix + ": model " + model.name()
                        + " has unknown backend '" + model.backend() + "' (replay or openai)");
            }
            rungs.put(model.name(), new Rung(model, backend));
        }
        return new BackendLadder(rungs);
    }

    private static OpenAiEndpoint endpoint(String configPrefix, ModelSettings model, UnaryOperator<String> environment) {
        Optional<String> apiKey = model.apiKeyEnv().map(environment).filter(key -> !key.isBlank());
        if (model.apiKeyEnv().isPresent() && apiKey.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "model {0}: environment variable {1} is not set; calling without an API key",
                    model.name(), model.apiKeyEnv().get());
        }
        try {
            return new OpenAiEndpoint(model.baseUrl().orElseThrow(() -> new IllegalStateException(
                    configPrefix + ": openai model " + model.name() + " needs a base-url")),
                    apiKey, model.remoteModel().orElse(model.name()), model.requestTimeout(), model.maxRetries(),
                    model.initialBackoff(), model.maxBackoff(), model.maxConcurrency());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(configPrefix + ": openai model " + model.name() + ": " + e.getMessage(), e);
        }
    }

    /** Model names, cheapest first. */
    public List<String> names() {
        return List.copyOf(rungs.keySet());
    }

    /** The settings of every model, cheapest first. */
    public List<ModelSettings> models() {
        return rungs.values().stream().map(Rung::settings).toList();
    }

    /** The backend that answers for {@code model}. */
    public ModelBackend backend(String model) {
        return rung(model).backend();
    }

    /** The completion budget of {@code model}. */
    public int maxTokens(String model) {
        return rung(model).settings().maxTokens();
    }

    /** The relative price per 1K tokens of {@code model}. */
    public double costUnitsPer1k(String model) {
        return rung(model).settings().costUnitsPer1k();
    }

    private Rung rung(String model) {
        Rung rung = rungs.get(model);
        if (rung == null) {
            throw new IllegalArgumentException("model " + model + " is not on the ladder (" + String.join(", ", rungs.keySet()) + ")");
        }
        return rung;
    }
}
