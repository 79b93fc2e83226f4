package io.complexitynet.router.grpc;

import io.complexitynet.auth.Caller;
import io.complexitynet.proto.v1.CreateTenantRequest;
import io.complexitynet.proto.v1.GetTenantRequest;
import io.complexitynet.proto.v1.GetTenantUsageRequest;
import io.complexitynet.proto.v1.GetUsageResponse;
import io.complexitynet.proto.v1.ListTenantChangesRequest;
import io.complexitynet.proto.v1.ListTenantChangesResponse;
import io.complexitynet.proto.v1.ListTenantsRequest;
import io.complexitynet.proto.v1.ListTenantsResponse;
import io.complexitynet.proto.v1.Tenant;
import io.complexitynet.proto.v1.UpdateTenantRequest;
import io.complexitynet.router.application.TenantAdministration;
import io.complexitynet.service.grpc.ServiceApis;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * The TenantAdmin gRPC API: operators' calls mapped to {@link TenantAdministration}; the change is made in the name
 * of the token's user. Every call needs the router role {@value ServiceApis#TENANT_ADMIN_ROLE}.
 */
@GrpcService
@RolesAllowed(ServiceApis.TENANT_ADMIN_ROLE)
public class TenantAdminGrpcService implements io.complexitynet.proto.v1.TenantAdmin {

    @Inject TenantAdministration administration;
    @Inject RouterMapping mapping;
    @Inject Caller caller;

    @Override
    @Blocking
    public Uni<Tenant> createTenant(CreateTenantRequest request) {
        return ServiceApis.TENANT_ADMIN.answer(() -> TenantAdminMapping.tenant(
                administration.create(TenantAdminMapping.policy(request.getTenant()), caller.name(""))));
    }

    @Override
    @Blocking
    public Uni<Tenant> updateTenant(UpdateTenantRequest request) {
        return ServiceApis.TENANT_ADMIN.answer(() -> TenantAdminMapping.tenant(
                administration.update(TenantAdminMapping.policy(request.getTenant()), caller.name(""))));
    }

    @Override
    @Blocking
    public Uni<Tenant> getTenant(GetTenantRequest request) {
        return ServiceApis.TENANT_ADMIN.answer(() -> TenantAdminMapping.tenant(administration.get(request.getTenant())));
    }

    @Override
    @Blocking
    public Uni<ListTenantsResponse> listTenants(ListTenantsRequest request) {
        return ServiceApis.TENANT_ADMIN.answer(() -> ListTenantsResponse.newBuilder()
                .addAllTenants(administration.list().stream().map(TenantAdminMapping::tenant).toList()).build());
    }

    @Override
    @Blocking
    public Uni<GetUsageResponse> getTenantUsage(GetTenantUsageRequest request) {
        return ServiceApis.TENANT_ADMIN.answer(() -> mapping.usage(administration.usage(request.getTenant(),
                RouterMapping.date("from", request.getFrom()), RouterMapping.date("to", request.getTo()))));
    }

    @Override
    @Blocking
    public Uni<ListTenantChangesResponse> listTenantChanges(ListTenantChangesRequest request) {
        return ServiceApis.TENANT_ADMIN.answer(() -> ListTenantChangesResponse.newBuilder()
                .addAllChanges(administration.changes(request.getTenant()).stream().map(TenantAdminMapping::change).toList()).build());
    }
}
