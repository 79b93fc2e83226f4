package io.complexitynet.core.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local OpenAI-style chat-completions server for tests, on 127.0.0.1 and a free port. Requests to
 * {@code POST /v1/chat/completions} get the scripted replies in order ({@link #enqueue}), then
 * whatever {@link #otherwise} answers; every request is recorded. With nothing scripted it answers
 * 418, which no backend retries, so a missing script fails a test at once and says why.
 *
 * <pre>{@code
 * try (ChatCompletionsStub stub = ChatCompletionsStub.start()) {
 *     stub.enqueue(Reply.status(503, "busy"), Reply.completion("def f(): pass", 10, 5));
 *     ... new OpenAiEndpoint(stub.baseUrl(), ...) ...
 *     stub.requests().get(0).json().path("model");
 * }
 * }</pre>
 */
public final class ChatCompletionsStub implements AutoCloseable {

    /** A scripted response: sent after {@code delay}, which makes client timeouts testable. */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay, Duration pace) {

        public Reply {
            headers = Map.copyOf(headers);
        }

        public Reply(int status, Map<String, String> headers, String body, Duration delay) {
            this(status, headers, body, delay, Duration.ZERO);
        }

        /** A 200 chat completion whose message content is {@code content}, with token usage. */
        public static Reply completion(String content, int promptTokens, int completionTokens) {
            ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", "chat.completion");
            body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", content);
            body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            return new Reply(200, Map.of("Content-Type", "application/json"), body.toString(), Duration.ZERO);
        }

        /**
         * A 200 streamed chat completion: one chunk per piece of content, then the usage, then {@code [DONE]} (left out
         * with {@code done} false, as a stream cut off).
         */
        public static Reply stream(List<String> pieces, int promptTokens, int completionTokens, boolean done) {
            StringBuilder events = new StringBuilder();
            for (String piece : pieces) {
                ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", "chat.completion.chunk");
                chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", piece);
                events.append("data: ").append(chunk).append("\n\n");
            }
            ObjectNode usage = JSON.createObjectNode().put("id", "chatcmpl-stub").put("object", "chat.completion.chunk");
            usage.putArray("choices");
            usage.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens);
            events.append("data: ").append(usage).append("\n\n");
            if (done) {
                events.append("data: [DONE]\n\n");
            }
            return new Reply(200, Map.of("Content-Type", "text/event-stream"), events.toString(), Duration.ZERO);
        }

        /** Any status with a raw body, e.g. {@code status(503, "overloaded")} or a malformed 200. */
        public static Reply status(int status, String body) {
            return new Reply(status, Map.of(), body, Duration.ZERO);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, delay, pace);
        }

        public Reply after(Duration delay) {
            return new Reply(status, headers, body, delay, pace);
        }

        /**
         * Sent as a model streams: the body's server-sent events one at a time, {@code pace} apart, each flushed (chunked
         * transfer), so a client that relays them can be seen doing it as they come.
         */
        public Reply paced(Duration pace) {
            return new Reply(status, headers, body, delay, pace);
        }
    }

    /** A request as the stub received it; header names are case-insensitive. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String body,
            Instant receivedAt) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name)).map(values -> values.get(0));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("request body is not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/chat/completions";

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<RecordedRequest, Reply> otherwise =
            request -> Reply.status(418, "ChatCompletionsStub has no reply scripted for request " + requests.size());

    private ChatCompletionsStub(HttpServer server) {
        this.server = server;
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stub on 127.0.0.1 and a free port. */
    public static ChatCompletionsStub start() {
        try {
            return new ChatCompletionsStub(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the chat-completions stub", e);
        }
    }

    /** The API root to configure a backend with, e.g. {@code http://127.0.0.1:41234/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Adds replies to the script, used one per request in order. */
    public ChatCompletionsStub enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers requests once the script is used up, e.g. with a reply built from the prompt. */
    public ChatCompletionsStub otherwise(Function<RecordedRequest, Reply> responder) {
        this.otherwise = responder;
        return this;
    }

    /** Every request received so far, in arrival order, including ones the client gave up on. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The most requests that were being answered at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Stops at once; replies still being delayed are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply = replyTo(record(exchange));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            if (!reply.pace().isZero()) {
                exchange.sendResponseHeaders(reply.status(), 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String event : reply.body().split("(?<=\n\n)")) {
                        out.write(event.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        Thread.sleep(reply.pace().toMillis());
                    }
                }
                return;
            }
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Collections.unmodifiableMap(headers), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                Instant.now());
        requests.add(request);
        return request;
    }

    // In flight ends before the reply is written: a client may send its next request the moment it
    // reads this one's, and must not find it still counted.
    private Reply replyTo(RecordedRequest request) throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Reply reply = chooseReply(request);
            Thread.sleep(reply.delay().toMillis());
            return reply;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Reply chooseReply(RecordedRequest request) {
        if (!request.method().equals("POST") || !request.path().equals(PATH)) {
            return Reply.status(404, "ChatCompletionsStub serves only POST " + PATH);
        }
        Reply scripted = script.poll();
        return scripted != null ? scripted : otherwise.apply(request);
    }
}
