package io.complexitynet.router.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** A verifier that cannot be asked is refused in words: the client's exception classes stay in the router's log. */
class VerifierRefusalTest {

    @Test
    void theReasonNamesNoExceptionClass() {
        assertEquals("Stream was closed",
                VerifierClient.why(Status.UNKNOWN.withDescription("io.vertx.core.http.HttpClosedException: Stream was closed")));
        assertEquals("Connection refused: localhost/127.0.0.1:18091",
                VerifierClient.why(Status.UNAVAILABLE.withCause(new ConnectException("Connection refused: localhost/127.0.0.1:18091"))));
        assertEquals("deadline exceeded after 4.9s", VerifierClient.why(Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 4.9s")));
        assertEquals("no reason given", VerifierClient.why(Status.UNAVAILABLE.withDescription("io.netty.channel.StacklessClosedChannelException")));
        assertEquals("no reason given", VerifierClient.why(Status.UNAVAILABLE));
    }
}
