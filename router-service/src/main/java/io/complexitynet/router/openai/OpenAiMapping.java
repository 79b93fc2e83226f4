package io.complexitynet.router.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complexitynet.router.application.RouteWorkflow;
import io.complexitynet.router.domain.Cascade;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;

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
     * A verified answer as server-sent events in OpenAI's chunk format: the role, the content, then the finish with usage
     * and the extension, then {@code [DONE]}. Sent once the verdict is known: with tests only a verified answer may go out.
     */
    Response stream(RouteWorkflow.Routed routed) {
        Answer answer = Answer.of(routed);
        StringBuilder events = new StringBuilder();
        events.append(role(answer.id(), answer.created(), answer.answered().model().name()));
        events.append(piece(answer.id(), answer.created(), answer.answered().model().name(), answer.reply()));
        events.append(finish(answer));
        return answer.headers(Response.ok(events.toString(), MediaType.SERVER_SENT_EVENTS_TYPE)).header("Cache-Control", "no-cache").build();
    }

    /** What a request streamed while its model writes sees, one after another, as they happen. */
    sealed interface LiveEvent permits Piece, Finished, Failed {
    }

    record Piece(RouteWorkflow.ReplyPiece piece) implements LiveEvent {
    }

    record Finished(RouteWorkflow.Routed routed) implements LiveEvent {
    }

    record Failed(RuntimeException error) implements LiveEvent {
    }

    /**
     * An answer without tests streamed as the model writes it: each piece as its own chunk the moment it arrives, then
     * the finish with usage and the extension. The x-complexitynet-* headers are not known when the stream starts; the
     * extension in the last chunk says it all. A failure after the first piece is an error event, then {@code [DONE]}.
     */
    Response live(LiveEvent first, BlockingQueue<LiveEvent> next) {
        String id = newId();
        long created = Instant.now().getEpochSecond();
        StreamingOutput body = out -> {
            LiveEvent event = first;
            boolean started = false;
            while (true) {
                if (event instanceof Piece piece) {
                    if (!started) {
                        write(out, role(id, created, piece.piece().model()));
                        started = true;
                    }
                    write(out, piece(id, created, piece.piece().model(), piece.piece().text()));
                } else if (event instanceof Finished finished) {
                    Answer answer = new Answer(id, created, finished.routed(), finished.routed().outcome().answer().orElseThrow());
                    // Nothing was relayed while the models wrote (the scored cascade holds answers back until one is taken).
                    if (!started) {
                        write(out, role(id, created, answer.answered().model().name()));
                        write(out, piece(id, created, answer.answered().model().name(), answer.reply()));
                    }
                    write(out, finish(answer));
                    return;
                } else if (event instanceof Failed failed) {
                    write(out, "data: " + OpenAiErrors.refusal(failed.error()).json() + "\n\ndata: [DONE]\n\n");
                    return;
                }
                event = take(next);
            }
        };
        return Response.ok(body, MediaType.SERVER_SENT_EVENTS_TYPE).header("Cache-Control", "no-cache").build();
    }

    private static LiveEvent take(BlockingQueue<LiveEvent> events) {
        try {
            return events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(new IllegalStateException("interrupted while streaming the answer", e));
        }
    }

    private static void write(OutputStream out, String events) throws IOException {
        out.write(events.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String role(String id, long created, String model) {
        ObjectNode chunk = chunk(id, created, model);
        chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta").put("role", "assistant")
                .put("content", "");
        return event(chunk);
    }

    private static String piece(String id, long created, String model, String text) {
        ObjectNode chunk = chunk(id, created, model);
        chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta").put("content", text);
        return event(chunk);
    }

    private static String finish(Answer answer) {
        ObjectNode chunk = chunk(answer.id(), answer.created(), answer.answered().model().name());
        ObjectNode last = chunk.putArray("choices").addObject().put("index", 0);
        last.putObject("delta");
        last.put("finish_reason", "stop");
        chunk.set("usage", answer.usage());
        chunk.set(OWNER, answer.extension());
        return event(chunk) + "data: [DONE]\n\n";
    }

    private static ObjectNode chunk(String id, long created, String model) {
        return JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model);
    }

    private static String event(ObjectNode data) {
        return "data: " + data + "\n\n";
    }

    private static String newId() {
        return "chatcmpl-" + UUID.randomUUID();
    }

    /** One routed request's answer and what it took. */
    private record Answer(String id, long created, RouteWorkflow.Routed routed, Cascade.Attempt answered) {

        static Answer of(RouteWorkflow.Routed routed) {
            return new Answer(newId(), Instant.now().getEpochSecond(), routed, routed.outcome().answer().orElseThrow());
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
            double probeMillis = routed.probeNanos() / NANOS_PER_MILLI;
            extension.putObject("latency").put("decision_millis", decisionMillis).put("generation_millis", generationMillis)
                    .put("verification_millis", verificationMillis).put("probe_millis", probeMillis)
                    .put("total_millis", decisionMillis + generationMillis + verificationMillis + probeMillis);
            ArrayNode attempts = extension.putArray("attempts");
            for (Cascade.Attempt attempt : routed.outcome().attempts()) {
                ObjectNode tried = attempts.addObject().put("model", attempt.model().name()).put("sample", attempt.sample())
                        .put("verdict", attempt.verdict())
                        .put("cost_units", attempt.costUnits());
                attempt.judged().ifPresent(judged -> tried.putObject("probe").put("outcome", judged.probe().kind().name())
                        .put("calls", judged.probe().calls()).put("calls_returned", judged.probe().callsReturned())
                        .put("score", judged.score()).put("accepted", judged.accepted()).put("probe_millis", judged.millis())
                        .put("agreement", judged.agreementWord()));
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
