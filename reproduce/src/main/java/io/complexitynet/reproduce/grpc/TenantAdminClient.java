package io.complexitynet.reproduce.grpc;

import io.complexitynet.proto.v1.CreateTenantRequest;
import io.complexitynet.proto.v1.GetTenantRequest;
import io.complexitynet.proto.v1.Tenant;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** The router's TenantAdmin API as the reproduction uses it: the tenant it routes as must have a policy. */
public final class TenantAdminClient {

    private final ServiceConnections services;

    public TenantAdminClient(ServiceConnections services) {
        this.services = services;
    }

    /**
     * Gives the tenant an unlimited policy (paper policy, no feedback) unless it has one; a policy it has is left
     * as it is. True when this call created it.
     */
    public boolean ensurePolicy(String tenant) {
        try {
            services.tenantAdmin().getTenant(GetTenantRequest.newBuilder().setTenant(tenant).build());
            return false;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND || ServiceCall.unreachable(e)) {
                throw services.routerCall().failure("TenantAdmin.GetTenant", e);
            }
        }
        try {
            services.tenantAdmin().createTenant(CreateTenantRequest.newBuilder().setTenant(Tenant.newBuilder().setTenant(tenant)
                    .setPolicy("paper").setThreshold(0.5).setBudget(0).setBudgetPeriod("MONTH").setFeedback(false)).build());
            return true;
        } catch (StatusRuntimeException e) {
            // Created meanwhile by someone else: it has a policy, which is all this asks.
            if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
                return false;
            }
            throw services.routerCall().failure("TenantAdmin.CreateTenant", e);
        }
    }
}
