package io.complexitynet.router.grpc;

import io.complexitynet.auth.testing.Bearer;
import io.complexitynet.core.testing.KeycloakRealm;
import io.complexitynet.proto.v1.RouterGrpc;
import io.complexitynet.router.application.TenantPolicies;
import io.complexitynet.router.classifier.PromotedClassifier;
import io.grpc.ManagedChannel;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URL;

/**
 * What the router's tests of the running service start from: the router's address, to call it as the realm's
 * users over a channel of their own; a model to promote; the classifier that loads it; the tenants' policies.
 */
public abstract class RouterAsTenants {

    @TestHTTPResource
    protected URL routerUrl;

    @Inject
    protected PromotedModels models;

    @Inject
    protected PromotedClassifier classifier;

    @Inject
    protected TenantPolicies tenants;

    /** Promotes a model trained on MBPP's recorded labels as {@code modelId}, and has the router load it. */
    protected void promoteAndLoad(String modelId) {
        models.promote(modelId, models.train(1));
        classifier.reload();
    }

    /** A stub on {@code channel} that sends {@code user}'s token with every call. */
    protected static RouterGrpc.RouterBlockingStub as(ManagedChannel channel, KeycloakRealm.TestUser user) {
        return RouterGrpc.newBlockingStub(channel).withInterceptors(Bearer.token(KeycloakRealm.passwordToken(user)));
    }
}
