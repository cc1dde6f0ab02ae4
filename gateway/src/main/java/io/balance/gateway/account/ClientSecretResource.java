package io.balance.gateway.account;

import io.balance.contracts.Role;
import io.balance.gateway.audit.AuditLog;
import io.balance.gateway.audit.AuditTrail;
import io.balance.gateway.auth.PasswordHasher;
import io.balance.gateway.auth.TokenVerifier;
import io.balance.kit.problem.ProblemException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Client secret rotation without downtime: a new secret (shown once) while the previous one keeps working for
 * {@code balance.accounts.client-secret-overlap}, so a province system can switch at its own pace.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = "Users and integration clients")
@SecurityRequirement(name = "jwt")
public class ClientSecretResource {
    private static final SecureRandom RANDOM = new SecureRandom();

    public record RotatedSecret(String clientId, String clientSecret, Instant previousSecretValidUntil) {
    }

    @Inject
    AccountSettings settings;
    @Inject
    AuditTrail audit;
    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest current;

    @POST
    @Path("/clients/{clientId}/secret")
    @Transactional
    @Operation(operationId = "rotateClientSecret",
            summary = "A new secret for a client (the client itself, or its administrators); the old one works for the overlap")
    @APIResponse(responseCode = "200", description = "the new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotatedSecret.class)))
    public Response rotate(@PathParam("clientId") String clientId) {
        RoutingContext rc = current.getCurrent();
        TokenVerifier.Caller caller = AccountResource.caller(rc);
        Role role = Role.valueOf(caller.role());
        Account client = Account.find(clientId);
        boolean self = clientId.equals(caller.name());
        boolean administers = client != null && (role == Role.SYSTEM_ADMIN || role == Role.PROVINCE_ADMIN)
                && AccountPolicy.visibleTo(role, caller.jurisdiction(), client);
        if (client == null || client.kind != Account.Kind.CLIENT || !(self || administers)) {
            throw ProblemException.notFound("no client " + clientId + " within your jurisdiction");
        }
        rc.put(AuditLog.DIVISION, client.jurisdiction);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant until = Instant.now().plus(settings.clientSecretOverlap());
        client.previousSecretHash = client.secretHash;
        client.previousSecretUntil = until;
        client.secretHash = PasswordHasher.hash(secret);
        audit.record(AuditTrail.Kind.CLIENT_SECRET_ROTATED, caller, client.name, client.jurisdiction,
                "previous secret valid until " + until);
        return Response.ok(new RotatedSecret(client.name, secret, until)).header("Cache-Control", "no-store").build();
    }
}
