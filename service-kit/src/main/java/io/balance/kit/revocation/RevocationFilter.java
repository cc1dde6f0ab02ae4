package io.balance.kit.revocation;

import io.balance.kit.problem.ProblemException;
import io.balance.kit.problem.ProblemMappers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a verified token that the gateway has revoked (issued before its name's revocation): 401 problem
 * details, before routing, so before any role check or resource. While the list is still loading, a request with
 * a token is answered 503 (Retry-After): whether its token was revoked is not known yet.
 */
public class RevocationFilter {
    @Inject
    RevocationList list;
    @Inject
    CurrentIdentityAssociation identity;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> refuseRevoked(ContainerRequestContext request) {
        if (!list.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().map(id -> answer(id, request));
    }

    private Response answer(SecurityIdentity id, ContainerRequestContext request) {
        if (id == null || id.isAnonymous() || !(id.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        RevocationList.Verdict verdict = list.check(jwt);
        if (verdict == RevocationList.Verdict.VALID) {
            return null;
        }
        String instance = ProblemMappers.path(request.getUriInfo()); // redacted like every other problem's
        return switch (verdict) {
            case REVOKED -> Response.fromResponse(ProblemMappers.respond(new ProblemException(401, "token-revoked",
                            "Unauthorized", "this token was revoked (account disabled, deleted, password changed or "
                            + "signed out everywhere): sign in again", null), instance))
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
            case LOADING -> ProblemMappers.respond(
                    ProblemException.unavailable("the token revocation list is still loading", 1), instance);
            case VALID -> null;
        };
    }
}
