package io.complexitynet.auth.testing;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.net.URL;

/** A caller's token on a test's own calls, as {@code grpcurl -H "authorization: Bearer ..."} sends it. */
public final class Bearer {

    private Bearer() {
    }

    /** Attaches the token to every call of a stub: {@code stub.withInterceptors(Bearer.token(jwt))}. */
    public static ClientInterceptor token(String jwt) {
        Metadata headers = new Metadata();
        headers.put(AdminToken.AUTHORIZATION, "Bearer " + jwt);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    /** A plaintext channel of the test's own to the service under test (injected clients may carry a token already). */
    public static ManagedChannel channelTo(URL service) {
        return ManagedChannelBuilder.forAddress(service.getHost(), service.getPort()).usePlaintext().build();
    }
}
