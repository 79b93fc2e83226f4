package io.complexitynet.trainer.testing;

import io.complexitynet.auth.testing.AdminToken;
import io.complexitynet.auth.testing.KeycloakResource;
import io.complexitynet.proto.v1.TrainerGrpc;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;

/**
 * What the trainer's tests of the running service start from: the Trainer API as admin-ops calls it, and
 * the labelling jobs the labeler would have written for it to train on. Keycloak runs for them: it issues
 * the admin's token, and the trainer reads the realm's keys when it starts.
 */
@QuarkusTestResource(KeycloakResource.class)
public abstract class TrainerAsAdmin {

    @GrpcClient("trainer")
    @RegisterClientInterceptor(AdminToken.class)
    protected TrainerGrpc.TrainerBlockingStub trainer;

    @Inject
    protected RecordedLabelingJob recorded;
}
