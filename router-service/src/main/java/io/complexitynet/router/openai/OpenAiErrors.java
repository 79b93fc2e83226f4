package io.complexitynet.router.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complexitynet.core.refusal.RequestRefused;
import io.complexitynet.service.grpc.ServiceApis;
import io.grpc.Status;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of the OpenAI-compatible API as OpenAI's error JSON with the matching HTTP status. The refusal and its
 * sentence come from the one mapping the gRPC APIs use (a {@link RequestRefused} by its kind, a token problem saying
 * what to change, a dependency that is down, anything else an internal error whose trace stays in the log); only the
 * status is HTTP's.
 */
public class OpenAiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A failure as the caller gets it: the HTTP status and OpenAI's error JSON. */
    record Refusal(int status, String json) {

        Response response() {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json).build();
        }
    }

    /**
     * A body that is not JSON, or not of the request's shape (a string where a list belongs). Named exactly, since
     * Quarkus answers a mismatched input with its own JSON otherwise.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException error) {
        return refusal(400, "invalid_request_error", null, "the body is not a chat completion request: " + error.getOriginalMessage())
                .response();
    }

    /** Quarkus maps these itself (a bare 401 or 403) unless a mapper names them: no token, a bad one, a missing role. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class, ForbiddenException.class})
    public Response refusedCaller(RuntimeException error) {
        return refusal(error).response();
    }

    @ServerExceptionMapper
    public Response failed(Exception error) {
        return refusal(error).response();
    }

    static Refusal refusal(Exception error) {
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            // JAX-RS's own refusals: an unknown path, a wrong method or media type.
            return refusal(web.getResponse().getStatus(), "invalid_request_error", null, web.getMessage());
        }
        Status status = ServiceApis.ROUTER.status(error).getStatus();
        return switch (status.getCode()) {
            case INVALID_ARGUMENT, FAILED_PRECONDITION -> refusal(400, "invalid_request_error", null, status.getDescription());
            case UNAUTHENTICATED -> refusal(401, "authentication_error", "invalid_api_key", status.getDescription());
            case PERMISSION_DENIED -> refusal(403, "permission_error", null, status.getDescription());
            case NOT_FOUND -> refusal(404, "invalid_request_error", "model_not_found", status.getDescription());
            case RESOURCE_EXHAUSTED -> refusal(429, "rate_limit_error", "rate_limit_exceeded", status.getDescription());
            case UNAVAILABLE -> refusal(503, "service_unavailable", null, status.getDescription());
            default -> refusal(500, "server_error", null, status.getDescription());
        };
    }

    private static Refusal refusal(int status, String type, String code, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message).put("type", type).putNull("param").put("code", code);
        return new Refusal(status, error.toString());
    }
}
