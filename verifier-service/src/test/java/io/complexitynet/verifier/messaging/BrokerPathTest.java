package io.complexitynet.verifier.messaging;

import io.complexitynet.core.testing.PrometheusText;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.core.testing.ExchangeListener;
import io.complexitynet.proto.v1.Candidate;
import io.complexitynet.proto.v1.Verdict;
import io.complexitynet.proto.v1.VerifyRequest;
import io.complexitynet.proto.v1.VerifyResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The verifier on the real RabbitMQ: a request on "verification-requests" is answered on "verification-results"
 * with the same batch id, and a request the broker parked after its delivery limit is answered with a rejection
 * rather than left in a queue nobody reads.
 */
@QuarkusTest
class BrokerPathTest {

    private static VerifyRequest request(String batchId) {
        return VerifyRequest.newBuilder().setBatchId(batchId).addCandidates(Candidate.newBuilder().setCandidateId("1")
                .setCode("def add(a, b):\n    return a + b\n").addTests("assert add(1, 2) == 3")).build();
    }

    @Test
    void aRequestIsAnsweredWithTheVerdictsOfItsBatch() throws Exception {
        String batchId = "broker-path-" + UUID.randomUUID();
        try (ExchangeListener<VerifyResponse> results = new ExchangeListener<>("complexitynet.verification-results", "result",
                VerifyResponse::parseFrom)) {
            results.publish("complexitynet.verification-requests", "verify", request(batchId).toByteArray());
            VerifyResponse response = results.next(r -> r.getBatchId().equals(batchId), 60);
            assertNotNull(response, "no answer on verification-results");
            assertEquals("", response.getRejection());
            assertEquals(Verdict.VERDICT_PASSED, response.getResults(0).getVerdict());
        }
    }

    @Test
    void aParkedRequestIsAnsweredWithARejectionSoItsTaskIsParkedWithTheReason() throws Exception {
        String batchId = "parked-" + UUID.randomUUID();
        double takenBefore = parkedTaken();
        try (ExchangeListener<VerifyResponse> results = new ExchangeListener<>("complexitynet.verification-results", "result",
                VerifyResponse::parseFrom)) {
            // As the broker dead-letters a request that failed on every delivery.
            results.publish("complexitynet.parked", "verification-requests", request(batchId).toByteArray());
            VerifyResponse response = results.next(r -> r.getBatchId().equals(batchId), 30);
            assertNotNull(response, "no answer to the parked request");
            assertEquals("the verifier failed on this batch on every delivery (verification-requests.parked)", response.getRejection());
            assertEquals(0, response.getResultsCount());
        }
        assertTrue(parkedTaken() >= takenBefore + 1, "the parked request is not counted");
    }

    /** The counter shows from the start (at 0), so only its value says whether the request was counted. */
    private static double parkedTaken() {
        return PrometheusText.valueOf(given().get("/q/metrics").asString(),
                "complexitynet_parked_messages_total{queue=\"verification-requests.parked\"}");
    }
}
