package io.balance.gateway.auth;

import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemMappers;
import io.balance.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in for people (username, password) and province systems (client id, secret): a one-hour RS256 token. */
@Path("/api/v1/auth/token")
@Tag(name = "auth", description = "Tokens for people and province systems")
public class TokenResource {
    /** Either pair; the other stays null. {@code newPassword}: after an administrator's reset, the one chosen now. */
    public record TokenRequest(String username, String password, String clientId, String clientSecret,
                               String newPassword) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @Inject
    SignIn signIn;
    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest current;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueToken", summary = "Obtain a bearer token (expiresIn 3600 s)")
    @APIResponse(responseCode = "200", description = "a bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    public Response token(TokenRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "send {\"username\",\"password\"} or {\"clientId\",\"clientSecret\"}");
        }
        boolean person = request.username() != null || request.password() != null;
        boolean client = request.clientId() != null || request.clientSecret() != null;
        if (person == client) {
            throw ProblemException.invalid("body", person
                    ? "send either username and password or clientId and clientSecret, not both"
                    : "send {\"username\",\"password\"} or {\"clientId\",\"clientSecret\"}");
        }
        String name = person ? request.username() : request.clientId();
        String secret = person ? request.password() : request.clientSecret();
        String nameField = person ? "username" : "clientId";
        String secretField = person ? "password" : "clientSecret";
        List<FieldError> errors = new java.util.ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError(nameField, "must not be blank"));
        } else if (!io.balance.gateway.account.AccountResource.NAME.matcher(name.trim()).matches()) {
            // no account can have it: refused before the throttle and the audit trail (NUL, 64+ characters …)
            errors.add(new FieldError(nameField, "3-64 letters, digits, '.', '_', '@' or '-'"));
        }
        if (secret == null || secret.isEmpty()) {
            errors.add(new FieldError(secretField, "must not be empty"));
        }
        if (request.newPassword() != null) {
            if (!person) {
                errors.add(new FieldError("newPassword", "only people choose passwords"));
            } else {
                io.balance.gateway.account.PasswordRules.check("newPassword", request.newPassword(), name, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        var peer = current.getCurrent().request().remoteAddress();
        SignIn.Outcome outcome = signIn.attempt(person ? io.balance.gateway.account.Account.Kind.PERSON
                : io.balance.gateway.account.Account.Kind.CLIENT, name.trim(), secret, request.newPassword(),
                peer == null ? "unknown" : peer.hostAddress());
        return switch (outcome.result()) {
            case OK -> Response.ok(new TokenResponse(outcome.token(), "Bearer", TokenIssuer.LIFESPAN_SECONDS))
                    .header("Cache-Control", "no-store").build();
            case LOCKED -> Response.fromResponse(problem(429, "sign-in-throttled", "Too many failed sign-ins",
                            "too many failed sign-ins for this name or from this address; try again after Retry-After"))
                    .header("Retry-After", Long.toString(outcome.retryAfterSeconds())).build();
            case PASSWORD_CHANGE_REQUIRED -> problem(403, "password-change-required", "Password change required",
                    "an administrator reset this password: sign in again with newPassword set to a password of your own");
            case INVALID -> Response.fromResponse(problem(401, "invalid-credentials", "Sign-in failed",
                            "unknown " + nameField + " or wrong " + secretField))
                    .header("WWW-Authenticate", "Bearer realm=\"balance\"").build();
        };
    }

    private static Response problem(int status, String type, String title, String detail) {
        return ProblemMappers.respond(new ProblemException(status, type, title, detail, null), null);
    }
}
