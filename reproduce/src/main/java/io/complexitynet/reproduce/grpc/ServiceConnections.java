package io.complexitynet.reproduce.grpc;

import io.complexitynet.proto.v1.LabelerGrpc;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.proto.v1.TenantAdminGrpc;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * gRPC channels to the labeler, trainer and router, each with its own bearer token: over TLS, trusting the given
 * authority, as the services serve in the cluster, or plaintext for services on this machine. Every stub handed
 * out carries a fresh deadline, so a service that hangs ends the run instead of stalling it.
 */
public final class ServiceConnections implements AutoCloseable {

    /** Where one service listens ({@code host:port}), the option that sets it, and what puts a token on its calls. */
    public record Endpoint(String target, String option, ClientInterceptor credentials) {
    }

    /** The name the services record as having started a job or promoted a model. */
    static final String CALLER = "reproduce";

    private static final Duration CALL_DEADLINE = Duration.ofMinutes(2);

    private final ChannelCredentials transport;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final LabelerGrpc.LabelerBlockingStub labeler;
    private final TrainerGrpc.TrainerBlockingStub trainer;
    private final RouterGrpc.RouterBlockingStub router;
    private final TenantAdminGrpc.TenantAdminBlockingStub tenantAdmin;
    private final ServiceCall labelerCall;
    private final ServiceCall trainerCall;
    private final ServiceCall routerCall;

    /**
     * @param transport {@link #transport(Optional)}
     * @param tenantAdmin what puts a token with the role tenant-admin on TenantAdmin calls, which go to the router
     */
    public ServiceConnections(ChannelCredentials transport, Endpoint labeler, Endpoint trainer, Endpoint router, ClientInterceptor tenantAdmin) {
        this.transport = transport;
        this.labeler = LabelerGrpc.newBlockingStub(channel(labeler)).withInterceptors(labeler.credentials());
        this.trainer = TrainerGrpc.newBlockingStub(channel(trainer)).withInterceptors(trainer.credentials());
        ManagedChannel routerChannel = channel(router);
        this.router = RouterGrpc.newBlockingStub(routerChannel).withInterceptors(router.credentials());
        this.tenantAdmin = TenantAdminGrpc.newBlockingStub(routerChannel).withInterceptors(tenantAdmin);
        this.labelerCall = new ServiceCall("labeler", labeler.target(), labeler.option());
        this.trainerCall = new ServiceCall("trainer", trainer.target(), trainer.option());
        this.routerCall = new ServiceCall("router", router.target(), router.option());
    }

    private ManagedChannel channel(Endpoint endpoint) {
        ManagedChannel channel = Grpc.newChannelBuilder(endpoint.target(), transport).maxInboundMessageSize(64 * 1024 * 1024).build();
        channels.add(channel);
        return channel;
    }

    /**
     * TLS trusting the authority in {@code authority} (a PEM file, e.g. the {@code ca.crt} of the services' certificate
     * Secret), or plaintext without one.
     */
    public static ChannelCredentials transport(Optional<Path> authority) {
        if (authority.isEmpty()) {
            return InsecureChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder().trustManager(authority.get().toFile()).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(authority.get() + " is not a readable PEM certificate of an authority to trust: " + e.getMessage());
        }
    }

    public LabelerGrpc.LabelerBlockingStub labeler() {
        return labeler.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    public TrainerGrpc.TrainerBlockingStub trainer() {
        return trainer.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    public RouterGrpc.RouterBlockingStub router() {
        return router.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    public TenantAdminGrpc.TenantAdminBlockingStub tenantAdmin() {
        return tenantAdmin.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    public ServiceCall labelerCall() {
        return labelerCall;
    }

    public ServiceCall trainerCall() {
        return trainerCall;
    }

    public ServiceCall routerCall() {
        return routerCall;
    }

    @Override
    public void close() {
        channels.forEach(ManagedChannel::shutdownNow);
    }
}
