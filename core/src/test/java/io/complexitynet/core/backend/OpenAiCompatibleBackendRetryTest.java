package io.complexitynet.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.backend.ChatCompletionsStub.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries, timeouts and the concurrency limit, against {@link ChatCompletionsStub}. */
class OpenAiCompatibleBackendRetryTest {

    private static final Reply OK = Reply.completion("x = 1", 1, 1);

    private final ChatCompletionsStub stub = ChatCompletionsStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void tooManyRequestsWaitsAsRetryAfterAsks() {
        stub.enqueue(Reply.status(429, "slow down").withHeader("Retry-After", "1"), OK);
        assertEquals("x = 1", backend(stub.baseUrl(), 2, Duration.ofSeconds(1), Duration.ofSeconds(2), 4).complete(request()).code());
        assertEquals(2, stub.requests().size());
        Duration waited = Duration.between(stub.requests().get(0).receivedAt(), stub.requests().get(1).receivedAt());
        assertTrue(waited.toMillis() >= 950 && waited.toMillis() < 1900, "waited " + waited);
    }

    @Test
    void retryAfterWaitsNoLongerThanTheMaximumBackoff() {
        stub.enqueue(Reply.status(429, "").withHeader("Retry-After", "30"), OK);
        long start = System.nanoTime();
        backend(stub.baseUrl(), 2, Duration.ofSeconds(1), Duration.ofMillis(100), 4).complete(request());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500);
    }

    @Test
    void serverErrorsAreRetriedUntilOneSucceeds() {
        stub.enqueue(Reply.status(500, "oops"), Reply.status(500, "oops"), OK);
        assertEquals("x = 1", backend(stub.baseUrl(), 3, Duration.ofSeconds(1), Duration.ofMillis(50), 4).complete(request()).code());
        assertEquals(3, stub.requests().size());
    }

    @Test
    void aRequestThatTimesOutIsSentAgain() {
        stub.enqueue(OK.after(Duration.ofSeconds(2)), OK);
        Completion completion = backend(stub.baseUrl(), 1, Duration.ofMillis(500), Duration.ofMillis(50), 4).complete(request());
        assertEquals("x = 1", completion.code());
        assertEquals(2, stub.requests().size());
        assertTrue(completion.latency().toMillis() < 500, "latency of the attempt that succeeded: " + completion.latency());
    }

    @Test
    void whenRetriesRunOutTheErrorIsRetryable() {
        stub.enqueue(Reply.status(503, "overloaded"), Reply.status(503, "overloaded"), Reply.status(503, "overloaded"));
        BackendException error = assertThrows(BackendException.class,
                () -> backend(stub.baseUrl(), 2, Duration.ofSeconds(1), Duration.ofMillis(50), 4).complete(request()));
        assertTrue(error.retryable());
        assertTrue(error.getMessage().contains("gave up after 3 attempts, the last: HTTP 503: overloaded"), error.getMessage());
        assertEquals(3, stub.requests().size());
    }

    @Test
    void anUnreachableServerIsRetryable() {
        URI closed = stub.baseUrl();
        stub.close();
        BackendException error = assertThrows(BackendException.class,
                () -> backend(closed, 1, Duration.ofSeconds(1), Duration.ofMillis(50), 4).complete(request()));
        assertTrue(error.retryable());
    }

    @Test
    void noMoreThanMaxConcurrencyRequestsAreInFlight() throws Exception {
        stub.otherwise(request -> OK.after(Duration.ofMillis(150)));
        OpenAiCompatibleBackend backend = backend(stub.baseUrl(), 0, Duration.ofSeconds(2), Duration.ofMillis(50), 2);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Completion>> completions = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                completions.add(callers.submit(() -> backend.complete(request())));
            }
            for (Future<Completion> completion : completions) {
                assertEquals("x = 1", completion.get().code());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(6, stub.requests().size());
        assertEquals(2, stub.maxInFlight());
    }

    private static CompletionRequest request() {
        return CompletionRequests.addition("m");
    }

    private static OpenAiCompatibleBackend backend(URI baseUrl, int maxRetries, Duration requestTimeout,
            Duration maxBackoff, int maxConcurrency) {
        return new OpenAiCompatibleBackend(new OpenAiEndpoint(baseUrl, Optional.empty(), "remote-model", requestTimeout,
                maxRetries, Duration.ofMillis(10), maxBackoff, maxConcurrency));
    }
}
