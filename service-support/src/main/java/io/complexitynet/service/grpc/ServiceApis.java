package io.complexitynet.service.grpc;

import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.proto.v1.TenantAdminGrpc;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.complexitynet.proto.v1.VerifierGrpc;

/**
 * The suite's gRPC APIs and the role each one's calls need, in one place: every call of an API needs its role,
 * and a role opens no other API (the realm grants each to the clients and users that call that service).
 */
public final class ServiceApis {

    public static final String VERIFIER_ROLE = "verifier-caller";
    public static final String LABELER_ROLE = "labeler-admin";
    public static final String TRAINER_ROLE = "trainer-admin";
    public static final String ROUTER_ROLE = "router-user";
    public static final String TENANT_ADMIN_ROLE = "tenant-admin";

    public static final GrpcApi VERIFIER = new GrpcApi(VerifierGrpc.SERVICE_NAME, VERIFIER_ROLE, "verifier");
    public static final GrpcApi LABELER = new GrpcApi(LabelerGrpc.SERVICE_NAME, LABELER_ROLE, "labeler");
    public static final GrpcApi TRAINER = new GrpcApi(TrainerGrpc.SERVICE_NAME, TRAINER_ROLE, "trainer");
    public static final GrpcApi ROUTER = new GrpcApi(RouterGrpc.SERVICE_NAME, ROUTER_ROLE, "router");
    public static final GrpcApi TENANT_ADMIN = new GrpcApi(TenantAdminGrpc.SERVICE_NAME, TENANT_ADMIN_ROLE, "router");

    private ServiceApis() {
    }
}
