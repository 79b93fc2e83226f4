package io.complexitynet.router.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.core.task.ChatTurn;
import io.complexitynet.router.application.RouteWorkflow;
import io.complexitynet.router.auth.CallerTenant;
import io.complexitynet.router.backend.RouterLadder;
import io.complexitynet.router.domain.ModelChoice;
import io.complexitynet.router.domain.RouteOptions;
import io.complexitynet.service.grpc.ServiceApis;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The OpenAI-compatible front door: {@code GET /v1/models} and {@code POST /v1/chat/completions} on the router's HTTP
 * port, an adapter over the same workflow as the gRPC Route (same tokens, roles, tenant, policies and budgets).
 */
@Path("/v1")
@RolesAllowed(ServiceApis.ROUTER_ROLE)
public class ChatCompletionsResource {

    @Inject RouteWorkflow workflow;
    @Inject CallerTenant caller;
    @Inject RouterLadder ladder;
    @Inject OpenAiMapping mapping;

    /** The names the caller's tenant may ask for: the router, its policies, and the ladder models it may use. */
    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public String models() {
        return mapping.models(ModelChoice.names(workflow.usableModels(caller.get())));
    }

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public Response complete(ChatCompletionRequest body) {
        if (body == null) {
            throw RequestRefused.invalidArgument("body", "is empty; send a chat completion request");
        }
        List<ChatTurn> conversation = conversation(body.messages());
        String prompt = conversation.stream().filter(turn -> turn.role().equals("user")).reduce((first, second) -> second)
                .map(ChatTurn::content)
                .orElseThrow(() -> RequestRefused.invalidArgument("messages", "hold no user message; the last one is the task"));
        ModelChoice choice = ModelChoice.parse(body.model(), ladder.ladder().stream().map(PricedModel::name).toList());
        ChatCompletionRequest.Extension extension = Optional.ofNullable(body.complexitynet())
                .orElse(new ChatCompletionRequest.Extension(null, null, null, null, null, null, null));
        RouteOptions options = new RouteOptions(choice.mode(), choice.threshold(), Optional.ofNullable(extension.maxModel())
                .filter(name -> !name.isBlank()), Optional.ofNullable(extension.triesPerModel()).map(OptionalInt::of).orElse(OptionalInt.empty()),
                choice.ladderModel());
        RouteWorkflow.Request request = new RouteWorkflow.Request(caller.get(), prompt, listed(extension.tests()),
                listed(extension.examples()), Optional.ofNullable(extension.setupCode()).orElse(""), listed(extension.provides()), options,
                Boolean.TRUE.equals(extension.noEscalation()), conversation,
                Optional.ofNullable(body.temperature()).map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                Optional.ofNullable(body.maxTokens()).map(OptionalInt::of).orElse(OptionalInt.empty()));
        if (!Boolean.TRUE.equals(body.stream())) {
            return mapping.completion(workflow.route(request));
        }
        if (!request.tests().isEmpty()) {
            return mapping.stream(workflow.route(request));
        }
        return streamWhileGenerating(request);
    }

    /**
     * Routes on a worker of its own, relaying each piece of the reply as the model writes it. A refusal before the first
     * piece (a bad field, no budget, no model promoted) is still an error status; after it, an error event.
     */
    private Response streamWhileGenerating(RouteWorkflow.Request request) {
        BlockingQueue<OpenAiMapping.LiveEvent> events = new LinkedBlockingQueue<>();
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                events.add(new OpenAiMapping.Finished(workflow.route(request, Optional.of(piece -> events.add(new OpenAiMapping.Piece(piece))))));
            } catch (RuntimeException e) {
                events.add(new OpenAiMapping.Failed(e));
            }
        });
        OpenAiMapping.LiveEvent first;
        try {
            first = events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RequestRefused.unavailable("the router is shutting down");
        }
        if (first instanceof OpenAiMapping.Failed failed) {
            throw failed.error();
        }
        return mapping.live(first, events);
    }

    private static List<String> listed(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** The messages as sent; a part of a message's content that is not text is refused rather than silently dropped. */
    private static List<ChatTurn> conversation(List<ChatCompletionRequest.Message> messages) {
        if (messages == null || messages.isEmpty()) {
            throw RequestRefused.invalidArgument("messages", "is empty; send at least the user's message");
        }
        List<ChatTurn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String field = "messages[" + i + "]";
            ChatCompletionRequest.Message message = messages.get(i);
            if (message == null || message.role() == null || !ChatTurn.ROLES.contains(message.role())) {
                throw RequestRefused.invalidArgument(field + ".role", "must be one of " + ChatTurn.ROLES);
            }
            turns.add(new ChatTurn(message.role(), text(field, message.content())));
        }
        return turns;
    }

    private static String text(String field, JsonNode content) {
        if (content != null && content.isTextual()) {
            return content.asText();
        }
        if (content != null && content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                    throw RequestRefused.invalidArgument(field + ".content", "has a part that is not text; the router reads text only");
                }
                text.append(part.path("text").asText());
            }
            return text.toString();
        }
        throw RequestRefused.invalidArgument(field + ".content", "must be a string or a list of text parts");
    }
}
