package io.complexitynet.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.ClassifyRequest;
import io.complexitynet.proto.v1.RouteRequest;
import io.complexitynet.router.domain.BudgetPeriod;
import io.complexitynet.router.domain.RoutingMode;
import io.complexitynet.router.domain.TenantPolicy;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With no default configured (the deployed default), a tenant the router has no policy for is refused before anything runs. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
@TestProfile(TenantWithoutPolicyTest.NoDefaultTenant.class)
class TenantWithoutPolicyTest extends RouterAsTenants {

    public static class NoDefaultTenant implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("router.default-tenant.enabled", "false");
        }
    }

    @Test
    void aTenantWithoutAPolicyIsRefusedUntilOneIsCreated() {
        ManagedChannel channel = Bearer.channelTo(routerUrl);
        try {
            RouteRequest request = RouteRequest.newBuilder().setPrompt("Write a function to add two numbers.").build();
            StatusRuntimeException route = assertThrows(StatusRuntimeException.class, () -> as(channel, KeycloakRealm.ALICE).route(request));
            assertEquals(Status.Code.PERMISSION_DENIED, route.getStatus().getCode());
            assertTrue(route.getStatus().getDescription().contains("tenant acme has no policy"), route.getStatus().getDescription());
            StatusRuntimeException classify = assertThrows(StatusRuntimeException.class, () -> as(channel, KeycloakRealm.ALICE)
                    .classify(ClassifyRequest.newBuilder().setPrompt("Write a function to add two numbers.").build()));
            assertEquals(Status.Code.PERMISSION_DENIED, classify.getStatus().getCode());

            // Past the tenant check once a policy exists: this app has no model promoted (a second one here could not
            // load the tokenizer's native library again), so the next refusal is the classifier's.
            tenants.save(new TenantPolicy("acme", Optional.empty(), Optional.empty(), RoutingMode.PAPER, 0.5, 0, BudgetPeriod.MONTH, false));
            StatusRuntimeException unclassified = assertThrows(StatusRuntimeException.class, () -> as(channel, KeycloakRealm.ALICE).route(request));
            assertEquals(Status.Code.UNAVAILABLE, unclassified.getStatus().getCode(), unclassified.getStatus().getDescription());
        } finally {
            channel.shutdownNow();
        }
    }
}
