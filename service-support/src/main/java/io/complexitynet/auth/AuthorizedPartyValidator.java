package io.complexitynet.auth;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Accepts a token only from a client this service trusts to ask for it ({@code azp} in
 * {@code complexitynet.auth.accepted-clients}): the audience says a token is meant for this service, the
 * authorized party which application obtained it. quarkus-oidc runs every such bean while it verifies a token.
 */
@Unremovable
@ApplicationScoped
class AuthorizedPartyValidator implements Validator {

    static final String REFUSAL = "was issued to client ";

    @Inject AuthConfig config;

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        String party = context.getJwtClaims().getStringClaimValue("azp");
        if (party != null && config.acceptedClients().contains(party)) {
            return null;
        }
        return REFUSAL + (party == null ? "(no azp claim)" : "'" + party + "'")
                + ", which this service does not accept (complexitynet.auth.accepted-clients)";
    }
}
