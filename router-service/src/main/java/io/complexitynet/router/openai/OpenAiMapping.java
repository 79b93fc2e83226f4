package io.complexitynet.router.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complexitynet.router.application.RouteWorkflow;
import io.complexitynet.router.domain.Cascade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The workflow's outcomes in OpenAI's shapes: a chat completion (or its chunks as server-sent events), with what the
 * router did in the {@code complexitynet} extension object and in {@code x-complexitynet-*} headers.
 */
@ApplicationScoped
class OpenAiMapping {

    static final String OWNER = "complexitynet";
    private static final double NANOS_PER_MILLI = 1e6;
    private static final ObjectMapper JSON = new ObjectMapper();

    String models(List<String> names) {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        names.forEach(name -> data.addObject().put("id", name).put("object", "model").put("created", 0).put("owned_by", OWNER));
        return list.toString();
    }

    Response completion(RouteWorkflow.Routed routed) {
        Answer answer = Answer.of(routed);
        ObjectNode completion = answer.envelope("chat.completion");
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer.reply());
        choice.put("finish_reason", "stop");
        completion.set("usage", answer.usage());
        completion.set(OWNER, answer.extension());
        return answer.headers(Response.ok(completion.toString(), MediaType.APPLICATION_JSON_TYPE)).build();
    }

    /**
     * The answer as server-sent events in OpenAI's chunk format: the role, the content, then the finish with usage and
     * the extension, then {@code [DONE]}. Sent once the answer is known: with tests only a verified answer may go out.
     */
    Response stream(RouteWorkflow.Routed routed) {
        Answer answer = Answer.of(routed);
        StringBuilder events = new StringBuilder();
        ObjectNode role = answer.envelope("chat.completion.chunk");
        role.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta").put("role", "assistant")
                .put("content", "");
        event(events, role);
        ObjectNode content = answer.envelope("chat.completion.chunk");
        content.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta").put("content", answer.reply());
        event(events, content);
        ObjectNode finish = answer.envelope("chat.completion.chunk");
        ObjectNode last = finish.putArray("choices").addObject().put("index", 0);
        last.putObject("delta");
        last.put("finish_reason", "stop");
        finish.set("usage", answer.usage());
        finish.set(OWNER, answer.extension());
        event(events, finish);
        events.append("data: [DONE]\n\n");
        return answer.headers(Response.ok(events.toString(), MediaType.SERVER_SENT_EVENTS_TYPE)).header("Cache-Control", "no-cache").build();
    }

    private static void event(StringBuilder events, ObjectNode data) {
        events.append("data: ").append(data).append("\n\n");
    }

    /** One routed request's answer and what it took. */
    private record Answer(String id, long created, RouteWorkflow.Routed routed, Cascade.Attempt answered) {

        static Answer of(RouteWorkflow.Routed routed) {
            return new Answer("chatcmpl-" + UUID.randomUUID(), Instant.now().getEpochSecond(), routed,
                    routed.outcome().answer().orElseThrow());
        }

        String reply() {
            return answered.generated().orElseThrow().reply();
        }

        String verdict() {
            return answered.verdict();
        }

        double costUnits() {
            return routed.outcome().attempts().stream().mapToDouble(Cascade.Attempt::costUnits).sum();
        }

        ObjectNode envelope(String object) {
            return JSON.createObjectNode().put("id", id).put("object", object).put("created", created)
                    .put("model", answered.model().name());
        }

        /** Every answer asked for counts, as it is charged. */
        ObjectNode usage() {
            int prompt = 0;
            int completion = 0;
            for (Cascade.Attempt attempt : routed.outcome().attempts()) {
                prompt += attempt.generated().map(Cascade.Generated::promptTokens).orElse(0);
                completion += attempt.generated().map(Cascade.Generated::completionTokens).orElse(0);
            }
            return JSON.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
        }

        ObjectNode extension() {
            ObjectNode extension = JSON.createObjectNode().put("verdict", verdict()).put("cost_units", costUnits())
                    .put("code", answered.generated().orElseThrow().code());
            ObjectNode decision = extension.putObject("decision").put("policy", routed.decided().decision().mode().id())
                    .put("reason", routed.decided().decision().reason()).put("classifier_model_id", routed.decided().classifier().id());
            routed.decided().decision().prediction().complexity().ifPresent(complexity -> decision.put("complexity", complexity));
            double decisionMillis = routed.decided().decisionNanos() / NANOS_PER_MILLI;
            double generationMillis = routed.generationNanos() / NANOS_PER_MILLI;
            double verificationMillis = routed.verificationNanos() / NANOS_PER_MILLI;
            extension.putObject("latency").put("decision_millis", decisionMillis).put("generation_millis", generationMillis)
                    .put("verification_millis", verificationMillis)
                    .put("total_millis", decisionMillis + generationMillis + verificationMillis);
            ArrayNode attempts = extension.putArray("attempts");
            for (Cascade.Attempt attempt : routed.outcome().attempts()) {
                attempts.addObject().put("model", attempt.model().name()).put("sample", attempt.sample())
                        .put("verdict", attempt.verdict())
                        .put("cost_units", attempt.costUnits());
            }
            return extension;
        }

        Response.ResponseBuilder headers(Response.ResponseBuilder response) {
            return response.header("x-complexitynet-model", answered.model().name())
                    .header("x-complexitynet-verdict", verdict())
                    .header("x-complexitynet-attempts", routed.outcome().attempts().size())
                    .header("x-complexitynet-cost-units", String.format(Locale.ROOT, "%.6f", costUnits()));
        }
    }
}
