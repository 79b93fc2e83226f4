package io.complexitynet.router.backend;

import io.complexitynet.backends.ModelBackendConfig;
import io.complexitynet.core.backend.BackendException;
import io.complexitynet.core.backend.BackendLadder;
import io.complexitynet.core.backend.Completion;
import io.complexitynet.core.backend.CompletionRequest;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.CodeTask;
import io.complexitynet.core.task.DatasetReader;
import io.complexitynet.core.task.DatasetTask;
import io.complexitynet.router.config.RouterConfig;
import io.complexitynet.router.domain.Cascade;
import io.complexitynet.router.domain.Question;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The router's models, cheapest first, with core's backends (the labeler's, shared). Replayed models
 * answer only prompts they have a recording for: the router finds the MBPP task whose instruction is
 * the prompt, so the same code paths run on the paper's recorded outputs.
 */
@ApplicationScoped
public class RouterLadder {

    /** Backends that report no usage (replay) are charged by length: about four characters a token. */
    private static final int CHARS_PER_TOKEN = 4;

    private final BackendLadder backends;
    private final List<PricedModel> ladder;
    private final double retryTemperature;
    private final Map<String, String> sourceIdByPrompt = new HashMap<>();

    RouterLadder(RouterConfig config) {
        this.retryTemperature = config.retryTemperature();
        this.backends = BackendLadder.build("router.models", config.models().stream().map(ModelBackendConfig::settings).toList(),
                config.replay().file());
        this.ladder = backends.names().stream().map(name -> new PricedModel(name, backends.costUnitsPer1k(name))).toList();
        boolean replays = config.models().stream().anyMatch(model -> model.backend().equals("replay"));
        if (replays) {
            Path tasks = config.replay().tasks().orElseThrow(() -> new IllegalStateException(
                    "router.replay.tasks: a model replays, so name the data set file whose recorded outputs it replays"));
            try (Reader in = Files.newBufferedReader(tasks)) {
                for (DatasetTask task : DatasetReader.read(in, Optional.empty()).tasks()) {
                    sourceIdByPrompt.put(task.prompt().strip(), task.sourceId());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("router.replay.tasks: cannot read " + tasks, e);
            }
        }
    }

    public List<PricedModel> ladder() {
        return ladder;
    }

    /** The most tokens the model may answer with. */
    public int maxTokens(String model) {
        return backends.maxTokens(model);
    }

    /**
     * Asks one model for its {@code sample}-th answer to the question; the prompt's id in the replayed data set (when it
     * has one) lets replayed models find their recording, whose samples are served in order. The first answer is asked
     * at the caller's temperature (0 when it gave none), a retry at router.retry-temperature. With {@code pieces}, each
     * piece of the reply is handed on as the model writes it.
     */
    public Cascade.Generated generate(PricedModel model, int sample, String requestId, Question question,
                                      Optional<Consumer<String>> pieces) {
        String prompt = question.prompt();
        String sourceId = Optional.ofNullable(sourceIdByPrompt.get(prompt.strip())).orElse(requestId);
        CodeTask task = new CodeTask(sourceId, prompt, question.setupCode(), question.tests(), question.conversation());
        int maxTokens = Math.min(backends.maxTokens(model.name()), question.maxTokens().orElse(Integer.MAX_VALUE));
        Completion completion;
        try {
            CompletionRequest request = new CompletionRequest(model.name(), task, sample,
                    sample == 0 ? question.temperature().orElse(0) : retryTemperature, maxTokens);
            completion = pieces.isPresent() ? backends.backend(model.name()).complete(request, pieces.get())
                    : backends.backend(model.name()).complete(request);
        } catch (BackendException e) {
            throw new Cascade.GenerationFailed(model.name() + ": " + e.getMessage(), e);
        }
        int promptTokens = completion.promptTokens() > 0 ? completion.promptTokens() : prompt.length() / CHARS_PER_TOKEN + 1;
        // An estimate (a replayed answer has no counts) never exceeds what the model may return, as a real count cannot.
        int completionTokens = completion.completionTokens() > 0 ? completion.completionTokens()
                : Math.min(completion.rawText().length() / CHARS_PER_TOKEN + 1, maxTokens);
        return new Cascade.Generated(completion.code(), completion.rawText(), promptTokens, completionTokens,
                completion.latency().toMillis());
    }
}
