package io.complexitynet.router.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of {@code POST /v1/chat/completions} as OpenAI's chat completions API has it (the fields the router reads),
 * with our extension object {@code complexitynet}. Anything else a client sends is ignored.
 */
public record ChatCompletionRequest(String model, List<Message> messages, Double temperature,
                                    @JsonProperty("max_tokens") Integer maxTokens, Boolean stream, String user,
                                    Extension complexitynet) {

    /** One chat message; {@code content} is a string, or a list of parts of which the text ones are read. */
    public record Message(String role, JsonNode content) {
    }

    /**
     * Verify-and-escalate over HTTP: the same options as the gRPC Route request.
     *
     * @param tests         test statements; with them the answer is verified and escalated on failure
     * @param setupCode     code the tests need first
     * @param provides      names the answer defines that are also builtins or standard modules
     * @param maxModel      the most expensive model this request may use
     * @param noEscalation  verify without stepping up the ladder
     * @param triesPerModel answers a model may give before the cascade moves up (1 to 5)
     * @param examples      example statements shown with the task, never tests: only their calls are run (scored-cascade)
     */
    public record Extension(List<String> tests, @JsonProperty("setup_code") String setupCode, List<String> provides,
                            @JsonProperty("max_model") String maxModel, @JsonProperty("no_escalation") Boolean noEscalation,
                            @JsonProperty("tries_per_model") Integer triesPerModel, List<String> examples) {
    }
}
