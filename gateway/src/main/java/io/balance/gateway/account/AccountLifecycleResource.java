package io.balance.gateway.account;

import io.balance.contracts.Role;
import io.balance.gateway.audit.AuditLog;
import io.balance.gateway.audit.AuditTrail;
import io.balance.gateway.auth.PasswordHasher;
import io.balance.gateway.auth.SignInThrottle;
import io.balance.gateway.auth.TokenVerifier;
import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An account's life after creation: its holder changes its password; an administrator whose role is above the
 * account's and whose jurisdiction holds it disables, enables, deletes, resets the password of (forced change at the
 * next sign-in) or lifts the sign-in throttling of it. Disabling, deleting, a reset and a change revoke the tokens
 * issued so far. Accounts an administrator may not know exist are 404.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = "Users and integration clients")
@SecurityRequirement(name = "jwt")
public class AccountLifecycleResource {
    private static final Set<Role> ADMINISTRATORS = EnumSet.of(Role.SYSTEM_ADMIN, Role.PROVINCE_ADMIN, Role.COUNTY_ADMIN);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    public record PasswordReset(String username, String temporaryPassword, boolean mustChangePassword) {
    }

    @Inject
    SignInThrottle throttle;
    @Inject
    AuditTrail audit;
    @Inject
    io.balance.gateway.auth.Revocations revocations;
    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest current;

    @POST
    @Path("/users/{name}/unlock")
    @Operation(operationId = "unlockUser", summary = "Lift the sign-in throttling of an account you administer")
    @APIResponse(responseCode = "204", description = "unlocked")
    @Transactional
    public Response unlock(@PathParam("name") String name) {
        Account account = managed(name);
        throttle.clear(SignInThrottle.accountKey(account.name));
        event(AuditTrail.Kind.SIGN_IN_UNLOCKED, account, null);
        return Response.noContent().build();
    }

    @POST
    @Path("/users/{name}/disable")
    @Transactional
    @Operation(operationId = "disableUser", summary = "Disable an account you administer: it can no longer sign in")
    @APIResponse(responseCode = "204", description = "disabled")
    public Response disable(@PathParam("name") String name) {
        Account account = managed(name);
        account.disabled = true;
        revocations.revoke(name);
        event(AuditTrail.Kind.ACCOUNT_DISABLED, account, null);
        return Response.noContent().build();
    }

    @POST
    @Path("/users/{name}/enable")
    @Transactional
    @Operation(operationId = "enableUser", summary = "Enable a disabled account you administer")
    @APIResponse(responseCode = "204", description = "enabled")
    public Response enable(@PathParam("name") String name) {
        Account account = managed(name);
        account.disabled = false;
        event(AuditTrail.Kind.ACCOUNT_ENABLED, account, null);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/users/{name}")
    @Transactional
    @Operation(operationId = "deleteUser", summary = "Delete an account you administer")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("name") String name) {
        Account account = managed(name);
        account.delete();
        revocations.revoke(name);
        event(AuditTrail.Kind.ACCOUNT_DELETED, account, account.role);
        throttle.clear(SignInThrottle.accountKey(account.name));
        return Response.noContent().build();
    }

    @POST
    @Path("/users/{name}/password-reset")
    @Transactional
    @Operation(operationId = "resetPassword",
            summary = "Give a person you administer a temporary password (shown once); it must be changed at the next sign-in")
    @APIResponse(responseCode = "200", description = "the temporary password",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PasswordReset.class)))
    public Response reset(@PathParam("name") String name) {
        Account account = managed(name);
        if (account.kind != Account.Kind.PERSON) {
            throw new ProblemException(409, "conflict", "Not a person", name + " is a client: rotate its secret instead", null);
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String temporary = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        account.secretHash = PasswordHasher.hash(temporary);
        account.mustChangePassword = true;
        account.passwordChangedAt = Instant.now();
        revocations.revoke(name);
        event(AuditTrail.Kind.PASSWORD_RESET, account, null);
        return Response.ok(new PasswordReset(account.name, temporary, true)).header("Cache-Control", "no-store").build();
    }

    @PUT
    @Path("/users/{name}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "changeOwnPassword", summary = "Change your own password (the current one is required)")
    @APIResponse(responseCode = "204", description = "changed")
    public Response change(@PathParam("name") String name, PasswordChange body) {
        TokenVerifier.Caller caller = AccountResource.caller(current.getCurrent());
        if (!name.equals(caller.name())) {
            throw ProblemException.forbidden("only the holder changes a password; "
                    + "administrators reset it (POST /api/v1/users/{name}/password-reset)");
        }
        Account account = Account.find(name);
        if (account == null || account.kind != Account.Kind.PERSON) {
            throw ProblemException.notFound("no person " + name);
        }
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.currentPassword() == null || !PasswordHasher.matches(body.currentPassword(), account.secretHash)) {
            errors.add(new FieldError("currentPassword", "is not your current password"));
        }
        PasswordRules.check("newPassword", body == null ? null : body.newPassword(), name, errors);
        if (errors.isEmpty() && body.newPassword().equals(body.currentPassword())) {
            errors.add(new FieldError("newPassword", "must differ from the current password"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        account.secretHash = PasswordHasher.hash(body.newPassword());
        account.mustChangePassword = false;
        account.passwordChangedAt = Instant.now();
        revocations.revoke(name);
        event(AuditTrail.Kind.PASSWORD_CHANGED, account, null);
        return Response.noContent().build();
    }

    @POST
    @Path("/users/{name}/revoke-tokens")
    @Transactional
    @Operation(operationId = "revokeTokens",
            summary = "Revoke every token issued so far to an account: your own (sign out everywhere) or one you administer")
    @APIResponse(responseCode = "204", description = "revoked")
    public Response revokeTokens(@PathParam("name") String name) {
        TokenVerifier.Caller caller = AccountResource.caller(current.getCurrent());
        Account account = name.equals(caller.name()) ? Account.find(name) : managed(name);
        revocations.revoke(name);
        if (account != null) {
            event(AuditTrail.Kind.TOKENS_REVOKED, account, null);
        }
        return Response.noContent().build();
    }

    private void event(AuditTrail.Kind kind, Account account, String detail) {
        audit.record(kind, AccountResource.caller(current.getCurrent()), account.name, division(account), detail);
    }

    static String division(Account account) {
        return account.jurisdiction != null && account.jurisdiction.length() == 10 ? account.countyCode : account.jurisdiction;
    }

    /** The account, if the caller administers it: 404 when outside its reach, 403 when not below its own role. */
    private Account managed(String name) {
        RoutingContext rc = current.getCurrent();
        TokenVerifier.Caller caller = AccountResource.caller(rc);
        Role role = Role.valueOf(caller.role());
        Account account = Account.find(name);
        if (account == null || !ADMINISTRATORS.contains(role) || !AccountPolicy.visibleTo(role, caller.jurisdiction(), account)) {
            throw ProblemException.notFound("no account " + name + " within your jurisdiction");
        }
        if (Role.valueOf(account.role).ordinal() <= role.ordinal()) {
            throw ProblemException.forbidden("a " + role + " manages only roles below its own");
        }
        rc.put(AuditLog.DIVISION, division(account));
        return account;
    }
}
