package io.complexitynet.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.ClassifyRequest;
import io.complexitynet.proto.v1.RouterGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant over its rate is refused, Classify included, while another tenant is still served; over OpenAI's HTTP API the
 * same refusals are OpenAI's error JSON: 503 while no model is promoted, 429 over the rate.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@TestProfile(TenantRateLimitTest.TwoRequestsAtOnce.class)
class TenantRateLimitTest extends RouterAsTenants {

    public static class TwoRequestsAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("router.rate-limit.requests-per-second", "0.01", "router.rate-limit.burst", "2");
        }
    }

    private static Status.Code classify(RouterGrpc.RouterBlockingStub stub) {
        return assertThrows(StatusRuntimeException.class, () -> stub.classify(ClassifyRequest.newBuilder()
                .setPrompt("Write a function to add two numbers.").build())).getStatus().getCode();
    }

    @Test
    void aTenantBeyondItsBurstIsRefusedAndOthersAreNot() {
        ManagedChannel channel = Bearer.channelTo(routerUrl);
        try {
            RouterGrpc.RouterBlockingStub alice = as(channel, KeycloakRealm.ALICE);
            // No model is promoted in this app: an admitted request gets as far as the classifier.
            assertEquals(Status.Code.UNAVAILABLE, classify(alice));
            assertEquals(Status.Code.UNAVAILABLE, classify(alice));
            StatusRuntimeException third = assertThrows(StatusRuntimeException.class, () -> alice.classify(ClassifyRequest.newBuilder()
                    .setPrompt("Write a function to add two numbers.").build()));
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, third.getStatus().getCode());
            assertTrue(third.getStatus().getDescription().contains("tenant acme sends more than"), third.getStatus().getDescription());
            assertEquals(Status.Code.UNAVAILABLE, classify(as(channel, KeycloakRealm.BOB)), "bob's tenant has its own bucket");
        } finally {
            channel.shutdownNow();
        }
        // Bob's tenant has one request of its burst left: no promoted model answers it, the next is over the rate.
        OpenAIClient bob = OpenAIOkHttpClient.builder().baseUrl(routerUrl + "v1").apiKey(KeycloakRealm.passwordToken(KeycloakRealm.BOB))
                .maxRetries(0).build();
        ChatCompletionCreateParams request = ChatCompletionCreateParams.builder().model("complexitynet")
                .addUserMessage("Write a function to add two numbers.").build();
        OpenAIServiceException unpromoted = assertThrows(OpenAIServiceException.class, () -> bob.chat().completions().create(request));
        assertEquals(503, unpromoted.statusCode());
        assertTrue(unpromoted.getMessage().contains("no complexity model has been promoted yet"), unpromoted::getMessage);
        OpenAIServiceException overRate = assertThrows(OpenAIServiceException.class, () -> bob.chat().completions().create(request));
        assertEquals(429, overRate.statusCode());
        assertTrue(overRate.getMessage().contains("tenant globex sends more than"), overRate::getMessage);
    }
}
