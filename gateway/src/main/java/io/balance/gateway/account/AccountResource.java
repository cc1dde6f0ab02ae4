package io.balance.gateway.account;

import io.balance.contracts.Role;
import io.balance.gateway.audit.AuditLog;
import io.balance.gateway.audit.AuditTrail;
import io.balance.gateway.auth.PasswordHasher;
import io.balance.gateway.auth.TokenVerifier;
import io.balance.kit.problem.FieldError;
import io.balance.kit.problem.ProblemException;
import io.balance.gateway.routing.GatewayFilter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** People ({@code /users}) and province systems ({@code /clients}), created by administrators within their reach. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = "Users and integration clients")
@SecurityRequirement(name = "jwt")
public class AccountResource {
    /** An account name or client id: what sign-in accepts too. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");
    static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code department}: required for a DEPARTMENT (its department code), absent for every other role. */
    public record NewUser(String username, String password, String role, String jurisdiction, String department) {
    }

    public record NewClient(String clientId, String role, String jurisdiction) {
    }

    public record UserView(String username, String role, String jurisdiction, String countyCode, String department,
                           boolean disabled, boolean mustChangePassword, String createdBy, Instant createdAt) {
        static UserView of(Account a) {
            return new UserView(a.name, a.role, a.jurisdiction, a.countyCode, a.department, a.disabled,
                    a.mustChangePassword, a.createdBy, a.createdAt);
        }
    }

    public record ClientCreated(String clientId, String role, String jurisdiction, String clientSecret,
                                String createdBy, Instant createdAt) {
    }

    @Inject
    SchoolDirectory schools;
    @Inject
    AuditTrail audit;
    @Inject
    io.quarkus.vertx.http.runtime.CurrentVertxRequest current;

    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a person (only roles below yours, inside your jurisdiction)")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response createUser(NewUser body) {
        RoutingContext rc = current.getCurrent();
        TokenVerifier.Caller caller = caller(rc);
        if (body == null) {
            throw ProblemException.invalid("body", "send {\"username\",\"password\",\"role\",\"jurisdiction\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        validName("username", body.username(), errors);
        PasswordRules.check("password", body.password(), body.username(), errors);
        Role role = role(body.role(), errors);
        if (role == Role.DEPARTMENT && (body.department() == null || !DEPARTMENT.matcher(body.department()).matches())) {
            errors.add(new FieldError("department", "a DEPARTMENT needs its department code (1-32 letters, digits, _ -)"));
        } else if (role != null && role != Role.DEPARTMENT && body.department() != null) {
            errors.add(new FieldError("department", "only a DEPARTMENT has a department"));
        }
        if (role == Role.INTEGRATION) {
            errors.add(new FieldError("role", "INTEGRATION accounts are clients: POST /api/v1/clients"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        String county = authorize(caller, role, body.jurisdiction(), rc);
        Account account = newAccount(body.username(), Account.Kind.PERSON, role, body.jurisdiction(), county,
                body.department(), caller, PasswordHasher.hash(body.password()));
        return Response.created(URI.create("/api/v1/users/" + account.name)).entity(UserView.of(account)).build();
    }

    @POST
    @Path("/clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createClient", summary = "Create a province system's client; its clientSecret is shown only in this answer")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientCreated.class)))
    public Response createClient(NewClient body) {
        RoutingContext rc = current.getCurrent();
        TokenVerifier.Caller caller = caller(rc);
        if (body == null) {
            throw ProblemException.invalid("body", "send {\"clientId\",\"role\":\"INTEGRATION\",\"jurisdiction\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        validName("clientId", body.clientId(), errors);
        Role role = body.role() == null ? Role.INTEGRATION : role(body.role(), errors);
        if (role != null && role != Role.INTEGRATION) {
            errors.add(new FieldError("role", "clients have the role INTEGRATION"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        authorize(caller, role, body.jurisdiction(), rc);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Account account = newAccount(body.clientId(), Account.Kind.CLIENT, role, body.jurisdiction(), null, null, caller,
                PasswordHasher.hash(secret));
        return Response.created(URI.create("/api/v1/clients/" + account.name))
                .header("Cache-Control", "no-store")
                .entity(new ClientCreated(account.name, account.role, account.jurisdiction, secret, account.createdBy,
                        account.createdAt))
                .build();
    }

    @GET
    @Path("/users")
    @Operation(operationId = "listUsers", summary = "The accounts (people and clients) within your jurisdiction")
    public List<UserView> list() {
        RoutingContext rc = current.getCurrent();
        TokenVerifier.Caller caller = caller(rc);
        Role role = Role.valueOf(caller.role());
        if (role.readOnly() || role == Role.SCHOOL_REPORTER) {
            throw ProblemException.forbidden(role + " may not list accounts");
        }
        List<Account> all = role == Role.SYSTEM_ADMIN ? Account.listAll()
                : Account.list("jurisdiction like ?1 or countyCode like ?1",
                        io.balance.contracts.JurisdictionScope.prefixOf(caller.jurisdiction()) + "%");
        return all.stream()
                .filter(a -> AccountPolicy.visibleTo(role, caller.jurisdiction(), a))
                .sorted(java.util.Comparator.comparing(a -> a.name))
                .map(UserView::of).toList();
    }

    @GET
    @Path("/users/{name}")
    @Operation(operationId = "getUser", summary = "One account within your jurisdiction (404 otherwise)")
    public UserView get(@PathParam("name") String name) {
        RoutingContext rc = current.getCurrent();
        TokenVerifier.Caller caller = caller(rc);
        Role role = Role.valueOf(caller.role());
        Account account = Account.find(name);
        boolean self = name.equals(caller.name());
        if (account == null || !(self || (!role.readOnly() && role != Role.SCHOOL_REPORTER
                && AccountPolicy.visibleTo(role, caller.jurisdiction(), account)))) {
            throw ProblemException.notFound("no account " + name + " within your jurisdiction");
        }
        return UserView.of(account);
    }

    /** Applies {@link AccountPolicy}; for a school reporter asks school-service. Returns the school's county. */
    private String authorize(TokenVerifier.Caller caller, Role role, String jurisdiction, RoutingContext rc) {
        Role callerRole = Role.valueOf(caller.role());
        AccountPolicy.Refusal refusal = AccountPolicy.check(callerRole, caller.jurisdiction(), role, jurisdiction);
        if (refusal != null) {
            throw refusal.status() == 400
                    ? ProblemException.invalid(refusal.field(), refusal.message())
                    : new ProblemException(refusal.status(), "forbidden", "Forbidden", refusal.message(), null);
        }
        String county = null;
        if (role == Role.SCHOOL_REPORTER) {
            county = schools.countyOf(jurisdiction, rc.request().getHeader("Authorization"));
            if (county == null || (callerRole != Role.SYSTEM_ADMIN
                    && !io.balance.contracts.JurisdictionScope.covers(caller.jurisdiction(), county))) {
                throw new ProblemException(404, "not-found", "School not found",
                        "no school " + jurisdiction + " within your jurisdiction", null);
            }
            rc.put(AuditLog.DIVISION, county);
        } else {
            rc.put(AuditLog.DIVISION, jurisdiction);
        }
        return county;
    }

    private Account newAccount(String name, Account.Kind kind, Role role, String jurisdiction, String county,
                               String department, TokenVerifier.Caller caller, String hash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (Account.find(name) != null) {
                throw new ProblemException(409, "conflict", "Already exists", "the name " + name + " is taken", null);
            }
            Account account = new Account();
            account.name = name;
            account.kind = kind;
            account.role = role.name();
            account.jurisdiction = jurisdiction;
            account.countyCode = county;
            account.department = department;
            account.secretHash = hash;
            account.createdBy = caller.name();
            account.createdAt = Instant.now();
            account.persistAndFlush();
            audit.record(AuditTrail.Kind.ACCOUNT_CREATED, caller, name, county != null ? county : jurisdiction,
                    "role " + role + (department == null ? "" : ", department " + department));
            return account;
        });
    }

    private static void validName(String field, String value, List<FieldError> errors) {
        if (value == null || !NAME.matcher(value).matches()) {
            errors.add(new FieldError(field,
                    "3-64 characters: letters, digits and . _ @ -, starting with a letter or digit"));
        }
    }

    private static Role role(String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError("role", "is required"));
            return null;
        }
        try {
            return Role.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("role", "unknown role '" + value + "'; one of "
                    + java.util.Arrays.toString(Role.values())));
            return null;
        }
    }

    public static TokenVerifier.Caller caller(RoutingContext rc) {
        TokenVerifier.Caller caller = rc.get(GatewayFilter.CALLER);
        if (caller == null) {
            throw new ProblemException(401, "unauthorized", "Authentication required", "a bearer token is required", null);
        }
        return caller;
    }
}
