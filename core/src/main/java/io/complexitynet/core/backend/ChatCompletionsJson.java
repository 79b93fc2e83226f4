package io.complexitynet.core.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON of OpenAI's chat-completions API: the request we send and the parts of a reply we read. */
final class ChatCompletionsJson {

    /** The parts of a reply we use; token counts are 0 when the server reports no usage. */
    record Reply(String content, int promptTokens, int completionTokens) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatCompletionsJson() {
    }

    /**
     * The request body: the caller's own messages, else the task's {@link ChatPrompt} messages, and the sampling settings;
     * streamed, with the usage in the last chunk.
     */
    static String request(String remoteModel, CompletionRequest request, boolean stream) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", remoteModel);
        ArrayNode messages = body.putArray("messages");
        if (request.task().conversation().isEmpty()) {
            messages.add(message("system", ChatPrompt.system())).add(message("user", ChatPrompt.user(request.task())));
        } else {
            request.task().conversation().forEach(turn -> messages.add(message(turn.role(), turn.content())));
        }
        body.put("temperature", request.temperature());
        body.put("max_tokens", request.maxTokens());
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body.toString();
    }

    /** A streamed reply read one server-sent-events line at a time: the content so far, the usage once sent, the end. */
    static final class StreamedReply {

        private final StringBuilder content = new StringBuilder();
        private int promptTokens;
        private int completionTokens;
        private boolean done;

        /**
         * Reads one line of the event stream.
         *
         * @return the text it adds to the reply; empty for a line that adds none (a blank separator, a comment, the usage)
         * @throws IllegalArgumentException when a chunk is not JSON or reports an error
         */
        String read(String line) {
            if (!line.startsWith("data:")) {
                return "";
            }
            String data = line.substring("data:".length()).strip();
            if (data.equals("[DONE]")) {
                done = true;
                return "";
            }
            JsonNode chunk;
            try {
                chunk = JSON.readTree(data);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a chunk of the stream is not JSON");
            }
            if (chunk.has("error")) {
                throw new IllegalArgumentException("the stream reported an error: " + chunk.at("/error/message").asText(chunk.get("error").toString()));
            }
            JsonNode usage = chunk.path("usage");
            if (usage.isObject()) {
                promptTokens = Math.max(0, usage.path("prompt_tokens").asInt(0));
                completionTokens = Math.max(0, usage.path("completion_tokens").asInt(0));
            }
            JsonNode text = chunk.at("/choices/0/delta/content");
            if (!text.isTextual()) {
                return "";
            }
            content.append(text.asText());
            return text.asText();
        }

        /** Whether the server ended the stream with {@code [DONE]}; a stream cut off before it is an I/O failure. */
        boolean done() {
            return done;
        }

        Reply reply() {
            return new Reply(content.toString(), promptTokens, completionTokens);
        }
    }

    /**
     * Reads a reply body; negative token counts are read as 0.
     *
     * @throws IllegalArgumentException naming what is wrong when the body is not a chat completion
     */
    static Reply reply(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        JsonNode content = root == null ? null : root.at("/choices/0/message/content");
        if (content == null || !content.isTextual()) {
            throw new IllegalArgumentException("the reply has no choices[0].message.content");
        }
        JsonNode usage = root.path("usage");
        return new Reply(content.asText(), Math.max(0, usage.path("prompt_tokens").asInt(0)),
                Math.max(0, usage.path("completion_tokens").asInt(0)));
    }

    private static ObjectNode message(String role, String content) {
        return JSON.createObjectNode().put("role", role).put("content", content);
    }
}
