package io.complexitynet.core.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link ModelBackend} for any server with OpenAI's chat-completions API: OpenAI itself, vLLM,
 * Ollama, LM Studio, TGI. It sends the {@link ChatPrompt} messages to the endpoint's
 * {@code remoteModel} (the request's model name is only used in messages) and takes the code out
 * of the reply with {@link CodeExtraction}.
 *
 * <p>Failures that may pass are retried: timeouts, I/O errors, 429 and 5xx, waiting as
 * {@link Backoff} says or as {@code Retry-After} asks (capped at {@code maxBackoff}). When the
 * retries are spent the {@link BackendException} is retryable. Other statuses and a 2xx body that
 * is not a chat completion are not retried and the exception is not retryable: a server answering
 * that way is misconfigured or rejects the request, and will again (a body cut off in transit is
 * an I/O error, retried). At most {@code maxConcurrency} requests are in flight, taken in arrival
 * order; a request waiting to retry does not hold a place.
 */
public final class OpenAiCompatibleBackend implements ModelBackend {

    private static final System.Logger LOG = System.getLogger(OpenAiCompatibleBackend.class.getName());
    private static final int BODY_EXCERPT_CHARS = 200;

    private final OpenAiEndpoint endpoint;
    private final Backoff backoff;
    private final Semaphore inFlight;
    private final HttpClient http;

    public OpenAiCompatibleBackend(OpenAiEndpoint endpoint) {
        this.endpoint = endpoint;
        this.backoff = new Backoff(endpoint.initialBackoff(), endpoint.maxBackoff());
        this.inFlight = new Semaphore(endpoint.maxConcurrency(), true);
        // Local servers (vLLM, Ollama) speak plain HTTP/1.1; pinning it skips an h2c upgrade attempt.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.requestTimeout())
                .build();
    }

    /**
     * Asks the endpoint for a completion. The latency is that of the attempt that succeeded, without
     * waits for a place or earlier attempts, so that it measures the model rather than our queue.
     */
    @Override
    public Completion complete(CompletionRequest request) {
        HttpRequest httpRequest = httpRequest(request, false);
        return retried(request, () -> sendOnce(httpRequest, request));
    }

    /**
     * Asks the endpoint to stream the completion and hands {@code delta} each piece as it arrives. Retried as
     * {@link #complete(CompletionRequest)} until the first piece went out; a stream that breaks after it is a temporary
     * failure, not retried.
     */
    @Override
    public Completion complete(CompletionRequest request, Consumer<String> delta) {
        HttpRequest httpRequest = httpRequest(request, true);
        boolean[] handedOn = {false};
        return retried(request, () -> {
            try {
                return streamOnce(httpRequest, request, text -> {
                    handedOn[0] = true;
                    delta.accept(text);
                });
            } catch (TransientFailure failure) {
                if (handedOn[0]) {
                    throw BackendException.temporary(describe(request) + ": the stream broke after part of the reply was handed on: "
                            + failure.getMessage(), failure.getCause());
                }
                throw failure;
            }
        });
    }

    /** One try of a request: a completion, or a failure the next try may not meet. */
    private interface Attempt {
        Completion once() throws TransientFailure;
    }

    private Completion retried(CompletionRequest request, Attempt once) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once.once();
            } catch (TransientFailure failure) {
                if (attempt > endpoint.maxRetries()) {
                    throw BackendException.temporary(describe(request) + ": gave up after " + attempt
                            + " attempts, the last: " + failure.getMessage(), failure.getCause());
                }
                Duration wait = failure.retryAfter.orElse(backoff.beforeRetry(attempt));
                LOG.log(System.Logger.Level.WARNING, "{0}: {1}; retry {2} of {3} in {4,number,#} ms", describe(request),
                        failure.getMessage(), attempt, endpoint.maxRetries(), wait.toMillis());
                pause(wait, request);
            }
        }
    }

    private Completion sendOnce(HttpRequest httpRequest, CompletionRequest request) throws TransientFailure {
        HttpResponse<String> response;
        long start;
        try {
            inFlight.acquire();
            try {
                start = System.nanoTime();
                response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } finally {
                inFlight.release();
            }
        } catch (HttpTimeoutException e) {
            throw new TransientFailure("no reply within " + endpoint.requestTimeout().toMillis() + " ms", Optional.empty(), e);
        } catch (IOException e) {
            throw new TransientFailure(e.toString(), Optional.empty(), e);
        } catch (InterruptedException e) {
            throw interrupted(request, e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new TransientFailure("HTTP " + status + ": " + excerpt(response.body()),
                    response.headers().firstValue("Retry-After").flatMap(backoff::retryAfter), null);
        }
        if (status < 200 || status > 299) {
            throw BackendException.permanent(describe(request) + ": HTTP " + status + ", not retried: " + excerpt(response.body()));
        }
        try {
            ChatCompletionsJson.Reply reply = ChatCompletionsJson.reply(response.body());
            return new Completion(CodeExtraction.fromReply(reply.content()), reply.content(), reply.promptTokens(),
                    reply.completionTokens(), latency);
        } catch (IllegalArgumentException e) {
            throw BackendException.permanent(describe(request) + ": " + e.getMessage() + ": " + excerpt(response.body()));
        }
    }

    private Completion streamOnce(HttpRequest httpRequest, CompletionRequest request, Consumer<String> delta) throws TransientFailure {
        long start;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            throw interrupted(request, e);
        }
        // The place is held while the reply streams in: the server is still working on it.
        try {
            start = System.nanoTime();
            HttpResponse<Stream<String>> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = response.body()) {
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    throw new TransientFailure("HTTP " + status + ": " + excerpt(lines.collect(Collectors.joining("\n"))),
                            response.headers().firstValue("Retry-After").flatMap(backoff::retryAfter), null);
                }
                if (status < 200 || status > 299) {
                    throw BackendException.permanent(describe(request) + ": HTTP " + status + ", not retried: "
                            + excerpt(lines.collect(Collectors.joining("\n"))));
                }
                ChatCompletionsJson.StreamedReply streamed = new ChatCompletionsJson.StreamedReply();
                Iterator<String> each = lines.iterator();
                while (each.hasNext() && !streamed.done()) {
                    String text = streamed.read(each.next());
                    if (!text.isEmpty()) {
                        delta.accept(text);
                    }
                }
                if (!streamed.done()) {
                    throw new TransientFailure("the stream ended before [DONE]", Optional.empty(), null);
                }
                ChatCompletionsJson.Reply reply = streamed.reply();
                return new Completion(CodeExtraction.fromReply(reply.content()), reply.content(), reply.promptTokens(),
                        reply.completionTokens(), Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (HttpTimeoutException e) {
            throw new TransientFailure("no reply within " + endpoint.requestTimeout().toMillis() + " ms", Optional.empty(), e);
        } catch (IOException e) {
            throw new TransientFailure(e.toString(), Optional.empty(), e);
        } catch (UncheckedIOException e) {
            throw new TransientFailure(e.getCause().toString(), Optional.empty(), e.getCause());
        } catch (IllegalArgumentException e) {
            throw BackendException.permanent(describe(request) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            throw interrupted(request, e);
        } finally {
            inFlight.release();
        }
    }

    private HttpRequest httpRequest(CompletionRequest request, boolean stream) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.chatCompletions())
                .timeout(endpoint.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ChatCompletionsJson.request(endpoint.remoteModel(), request, stream),
                        StandardCharsets.UTF_8));
        endpoint.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    private void pause(Duration wait, CompletionRequest request) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            throw interrupted(request, e);
        }
    }

    // Interrupted means the caller is shutting down, not that the request is bad: it may be sent again.
    private BackendException interrupted(CompletionRequest request, InterruptedException e) {
        Thread.currentThread().interrupt();
        return BackendException.temporary(describe(request) + ": interrupted", e);
    }

    private String describe(CompletionRequest request) {
        return request.model() + " task " + request.task().sourceId() + " sample " + request.sampleIndex()
                + " at " + endpoint.chatCompletions();
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "(empty body)"
                : flat.length() <= BODY_EXCERPT_CHARS ? flat : flat.substring(0, BODY_EXCERPT_CHARS) + "...";
    }

    /** An attempt failed in a way the next one may not; {@code retryAfter} is the server's wish, if any. */
    private static final class TransientFailure extends Exception {

        private final Optional<Duration> retryAfter;

        TransientFailure(String message, Optional<Duration> retryAfter, Throwable cause) {
            super(message, cause, false, false);
            this.retryAfter = retryAfter;
        }
    }
}
