package io.complexitynet.auth;

import io.grpc.Status;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.InvalidJwtSignatureException;

/** Security refusals as gRPC statuses. Quarkus's own messages are empty; these say what the caller should change. */
public final class AuthFailures {

    private static final Logger LOG = Logger.getLogger(AuthFailures.class);

    private AuthFailures() {
    }

    /** Whether Quarkus security refused the call: no identity, a rejected token, or a missing role. */
    public static boolean isAuthFailure(Throwable error) {
        return error instanceof AuthenticationException || error instanceof UnauthorizedException
                || error instanceof ForbiddenException;
    }

    /**
     * @param api the gRPC service refused, e.g. {@code complexitynet.v1.Labeler}
     * @param role the role it needs, when known
     */
    public static Status status(Throwable error, String api, Optional<String> role) {
        if (error instanceof ForbiddenException) {
            return Status.PERMISSION_DENIED.withDescription(role.map(r -> "the " + api + " API needs the role " + r
                    + ", which this token does not carry").orElse("this token does not carry the role the " + api + " API needs"));
        }
        if (error instanceof UnauthorizedException) {
            return Status.UNAUTHENTICATED.withDescription("no bearer token: send the metadata 'authorization: Bearer <access token>'");
        }
        Optional<OIDCException> outage = cause(error, OIDCException.class);
        if (outage.isPresent()) {
            LOG.warnf("cannot check a bearer token: %s", outage.get().getMessage());
            return Status.UNAVAILABLE.withDescription("the identity provider cannot be reached to check the bearer token; retry later");
        }
        return Status.UNAUTHENTICATED.withDescription("the bearer token " + rejection(error));
    }

    // quarkus-oidc keeps jose4j's verdict as the cause; an expired token only needs renewing, the others a fix.
    private static String rejection(Throwable error) {
        if (cause(error, InvalidJwtSignatureException.class).isPresent()) {
            return "has a signature that does not verify against the issuer's keys";
        }
        Optional<InvalidJwtException> invalid = cause(error, InvalidJwtException.class);
        if (invalid.filter(InvalidJwtException::hasExpired).isPresent()) {
            return "has expired; get a new one";
        }
        if (invalid.filter(jwt -> jwt.hasErrorCode(ErrorCodes.AUDIENCE_MISSING) || jwt.hasErrorCode(ErrorCodes.AUDIENCE_INVALID))
                .isPresent()) {
            return "is not issued for this service's audience";
        }
        Optional<String> party = invalid.flatMap(jwt -> jwt.getErrorDetails().stream().map(ErrorCodeValidator.Error::getErrorMessage)
                .filter(message -> message.startsWith(AuthorizedPartyValidator.REFUSAL)).findFirst());
        if (party.isPresent()) {
            return party.get();
        }
        return "is not a valid access token of this service's issuer";
    }

    private static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
