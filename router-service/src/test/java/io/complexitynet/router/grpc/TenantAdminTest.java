package io.complexitynet.router.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.CreateTenantRequest;
import io.complexitynet.proto.v1.GetTenantRequest;
import io.complexitynet.proto.v1.GetTenantUsageRequest;
import io.complexitynet.proto.v1.GetUsageResponse;
import io.complexitynet.proto.v1.ListTenantChangesRequest;
import io.complexitynet.proto.v1.ListTenantsRequest;
import io.complexitynet.proto.v1.Tenant;
import io.complexitynet.proto.v1.TenantAdminGrpc;
import io.complexitynet.proto.v1.TenantChange;
import io.complexitynet.proto.v1.UpdateTenantRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Operators manage tenants through the API, each change recorded; only the tenant-admin role may. */
@QuarkusTest
@QuarkusTestResource(KeycloakResource.class)
class TenantAdminTest extends RouterAsTenants {

    private ManagedChannel channel;
    private TenantAdminGrpc.TenantAdminBlockingStub admin;
    // Tests share the database: a tenant of this run's own.
    private final String tenant = "initech-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        channel = Bearer.channelTo(routerUrl);
        admin = TenantAdminGrpc.newBlockingStub(channel).withInterceptors(Bearer.token(KeycloakRealm.passwordToken(KeycloakRealm.ADMIN_OPS)));
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    private Tenant.Builder policy() {
        return Tenant.newBuilder().setTenant(tenant).setPolicy("paper").setThreshold(0.5).setBudget(10).setBudgetPeriod("DAY")
                .setFeedback(false);
    }

    private static String refusal(Status.Code code, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getStatus()::toString);
        return e.getStatus().getDescription();
    }

    @Test
    void aTenantIsCreatedChangedAndListedAndEveryChangeSaysWhoBeforeAndAfter() {
        Tenant created = admin.createTenant(CreateTenantRequest.newBuilder().setTenant(policy()).build());
        assertEquals(policy().setTriesPerModel(1).build(), created, "no tries per model named: one");
        Tenant changed = policy().addAllowedModels("codellama-7b-python").addAllowedModels("gpt-3.5-turbo-1106")
                .setMaxModel("gpt-3.5-turbo-1106").setPolicy("cheapest-first").setBudget(25).setBudgetPeriod("month")
                .setFeedback(true).setFeedbackTrusted(true).setTriesPerModel(3).build();
        Tenant updated = admin.updateTenant(UpdateTenantRequest.newBuilder().setTenant(changed).build());
        assertEquals(changed.toBuilder().setBudgetPeriod("MONTH").build(), updated);
        assertEquals(updated, admin.getTenant(GetTenantRequest.newBuilder().setTenant(tenant).build()));
        assertTrue(admin.listTenants(ListTenantsRequest.getDefaultInstance()).getTenantsList().contains(updated));

        List<TenantChange> changes = admin.listTenantChanges(ListTenantChangesRequest.newBuilder().setTenant(tenant).build()).getChangesList();
        assertEquals(2, changes.size(), changes::toString);
        assertEquals(KeycloakRealm.ADMIN_OPS.username(), changes.get(0).getChangedBy());
        assertFalse(changes.get(0).hasBefore(), "the first change created the policy");
        assertEquals(created, changes.get(0).getAfter());
        assertEquals(created, changes.get(1).getBefore());
        assertEquals(updated, changes.get(1).getAfter());
        assertFalse(changes.get(1).getChangedAt().isEmpty());
    }

    @Test
    void aChangeAppliesAtOnceOnThisRouterAndTheTenantsUsageIsReadable() {
        admin.createTenant(CreateTenantRequest.newBuilder().setTenant(policy()).build());
        assertEquals(10, tenants.of(tenant).budgetCostUnits());
        admin.updateTenant(UpdateTenantRequest.newBuilder().setTenant(policy().setBudget(0)).build());
        assertTrue(tenants.of(tenant).unlimited(), "the cached policy was replaced");
        GetUsageResponse usage = admin.getTenantUsage(GetTenantUsageRequest.newBuilder().setTenant(tenant).setFrom("2026-01-01").build());
        assertEquals(tenant, usage.getTenant());
        assertEquals(0, usage.getRowsCount());
        assertEquals("to: 'tomorrow' is not a date (yyyy-mm-dd)", refusal(Status.Code.INVALID_ARGUMENT,
                () -> admin.getTenantUsage(GetTenantUsageRequest.newBuilder().setTenant(tenant).setTo("tomorrow").build())));
    }

    @Test
    void createRefusesAnExistingTenantAndUpdateAMissingOne() {
        admin.createTenant(CreateTenantRequest.newBuilder().setTenant(policy()).build());
        assertTrue(refusal(Status.Code.ALREADY_EXISTS, () -> admin.createTenant(CreateTenantRequest.newBuilder().setTenant(policy()).build()))
                .contains("already has a policy"));
        String missing = tenant + "-missing";
        assertEquals("tenant " + missing + " has no policy", refusal(Status.Code.NOT_FOUND,
                () -> admin.updateTenant(UpdateTenantRequest.newBuilder().setTenant(policy().setTenant(missing)).build())));
        refusal(Status.Code.NOT_FOUND, () -> admin.getTenant(GetTenantRequest.newBuilder().setTenant(missing).build()));
        assertEquals(1, admin.listTenantChanges(ListTenantChangesRequest.newBuilder().setTenant(tenant).build()).getChangesCount(),
                "a refused change is not recorded");
    }

    @Test
    void fieldsThatCannotBeAPolicyAreRefusedByName() {
        assertRefusedNaming("tenant.tenant", policy().setTenant("acme; drop table"));
        assertRefusedNaming("tenant.policy", policy().setPolicy("cheapest"));
        assertRefusedNaming("tenant.threshold", policy().setThreshold(0));
        assertRefusedNaming("tenant.budget", policy().setBudget(-1));
        assertRefusedNaming("tenant.tries_per_model", policy().setTriesPerModel(6));
        assertRefusedNaming("tenant.tries_per_model", policy().setTriesPerModel(-1));
        assertRefusedNaming("tenant.budget_period", policy().setBudgetPeriod("WEEK"));
        assertRefusedNaming("tenant.allowed_models[1]", policy().addAllowedModels("gpt-3.5-turbo-1106").addAllowedModels("gpt-5"));
        assertRefusedNaming("tenant.max_model", policy().setMaxModel("gpt-5"));
        refusal(Status.Code.NOT_FOUND, () -> admin.getTenant(GetTenantRequest.newBuilder().setTenant(tenant).build()));
    }

    private void assertRefusedNaming(String field, Tenant.Builder policy) {
        String description = refusal(Status.Code.INVALID_ARGUMENT, () -> admin.createTenant(CreateTenantRequest.newBuilder().setTenant(policy).build()));
        assertTrue(description.startsWith(field + ": "), description);
    }

    @Test
    void onlyTheTenantAdminRoleMayCall() {
        TenantAdminGrpc.TenantAdminBlockingStub routerUser = TenantAdminGrpc.newBlockingStub(channel)
                .withInterceptors(Bearer.token(KeycloakRealm.passwordToken(KeycloakRealm.ALICE)));
        refusal(Status.Code.PERMISSION_DENIED, () -> routerUser.createTenant(CreateTenantRequest.newBuilder().setTenant(policy()).build()));
        refusal(Status.Code.PERMISSION_DENIED, () -> routerUser.listTenants(ListTenantsRequest.getDefaultInstance()));
        refusal(Status.Code.UNAUTHENTICATED, () -> TenantAdminGrpc.newBlockingStub(channel).listTenants(ListTenantsRequest.getDefaultInstance()));
    }
}
