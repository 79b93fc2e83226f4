package io.complexitynet.labeler.it;

import io.complexitynet.core.backend.ChatCompletionsStub;
import io.complexitynet.core.backend.CompletionRequest;
import io.complexitynet.core.backend.ReplayBackend;
import io.complexitynet.core.task.CodeTask;
import io.complexitynet.core.task.MbppReader;
import io.complexitynet.core.task.MbppTask;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible endpoint for the paper's three models: it recognises the MBPP task in the
 * prompt and answers with that model's recorded output in a fenced block, except that one answer in
 * three per (model, task) is a wrong one, the pattern shifted by task id (so of five answers one or
 * two are wrong), and k &gt; 1 samples disagree as real sampled answers do.
 * The labeler's ladder is pointed at it with the openai backend.
 */
public class RecordedModelsStub implements QuarkusTestResourceLifecycleManager {

    public static final List<String> MODELS = List.of("codellama-7b-python", "gpt-3.5-turbo-1106", "gpt-4-1106-preview");
    private static ChatCompletionsStub stub;

    public static ChatCompletionsStub stub() {
        return stub;
    }

    @Override
    public Map<String, String> start() {
        Path data = Path.of(System.getProperty("complexitynet.data.dir", "../../shared/data"), "mbpp");
        ReplayBackend recorded = ReplayBackend.load(data.resolve("generations.jsonl"));
        Map<String, MbppTask> byPrompt = new HashMap<>();
        for (MbppTask task : MbppReader.read(data.resolve("mbpp.jsonl"))) {
            byPrompt.put(task.text(), task);
        }
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        stub = ChatCompletionsStub.start().otherwise(request -> {
            String model = request.json().get("model").asText();
            String user = request.json().get("messages").get(1).get("content").asText();
            MbppTask task = byPrompt.get(user.substring(0, user.indexOf("\nYour code should pass")));
            if (task == null) {
                return ChatCompletionsStub.Reply.status(400, "{\"error\": \"unknown task\"}");
            }
            CodeTask codeTask = task.toCodeTask();
            int answer = served.computeIfAbsent(model + "/" + task.taskId(), key -> new AtomicInteger()).getAndIncrement();
            String code = (answer + task.taskId()) % 3 == 2 ? "def unrelated():\n    return None"
                    : recorded.complete(new CompletionRequest(model, codeTask, 0, 0, 512)).code();
            return ChatCompletionsStub.Reply.completion("Here it is:\n```python\n" + code + "\n```\n", 120, code.length() / 4 + 1);
        });
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < MODELS.size(); i++) {
            config.put("labeler.models[" + i + "].backend", "openai");
            config.put("labeler.models[" + i + "].base-url", stub.baseUrl().toString());
        }
        return config;
    }

    @Override
    public void stop() {
        stub.close();
    }
}
