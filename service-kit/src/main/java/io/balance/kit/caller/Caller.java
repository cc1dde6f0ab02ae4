package io.balance.kit.caller;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.contracts.TokenClaims;
import io.balance.kit.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified caller of this request: one role, its jurisdiction and (for DEPARTMENT) its department, read
 * from the gateway-signed token ({@link TokenClaims}). Reading is decided by jurisdiction: what a caller may not
 * read, it may not know exists (404, {@link #requireRead}). Changing additionally by role (403,
 * {@link #requireRole}). Service-specific rules (who reviews, who closes) live in a small policy class of the
 * service, built on these checks.
 */
@RequestScoped
public class Caller {
    @Inject
    JsonWebToken jwt;

    private Role role;
    private String jurisdiction;

    private void load() {
        if (role != null) {
            return;
        }
        if (jwt == null || jwt.getRawToken() == null) {
            throw new UnauthorizedException();
        }
        Set<String> groups = jwt.getGroups();
        if (groups == null || groups.size() != 1) {
            throw ProblemException.forbidden("the token must carry exactly one role");
        }
        Role r;
        try {
            r = Role.valueOf(groups.iterator().next());
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("unknown role in token");
        }
        String j = claim(TokenClaims.JURISDICTION);
        if (r != Role.SYSTEM_ADMIN) {
            boolean ok = j != null && (r == Role.SCHOOL_REPORTER ? j.matches("\\d{10}") : j.matches("\\d{6}"));
            if (!ok) {
                throw ProblemException.forbidden("the token's jurisdiction claim is missing or malformed");
            }
        }
        this.jurisdiction = r == Role.SYSTEM_ADMIN ? null : j;
        this.role = r;
    }

    private String claim(String name) {
        Object claim = jwt.getClaim(name);
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    public Role role() {
        load();
        return role;
    }

    /** A 6-digit division code, a 10-digit school code for SCHOOL_REPORTER, null for SYSTEM_ADMIN. */
    public String jurisdiction() {
        load();
        return jurisdiction;
    }

    /** The department code of a DEPARTMENT caller (责任单位), else null. */
    public String department() {
        return role() == Role.DEPARTMENT ? claim(TokenClaims.DEPARTMENT) : null;
    }

    public String name() {
        String name = jwt.getName();
        return name == null ? jwt.getSubject() : name;
    }

    public boolean is(Role... roles) {
        return Arrays.asList(roles).contains(role());
    }

    public boolean isSystemAdmin() {
        return role() == Role.SYSTEM_ADMIN;
    }

    /** Whether the caller's jurisdiction contains this division (the division itself included). */
    public boolean covers(String divisionCode) {
        return isSystemAdmin() || safe(() -> JurisdictionScope.covers(jurisdiction(), divisionCode));
    }

    /** Whether the caller's jurisdiction is above this division: the supervising level, never the division itself. */
    public boolean strictlyContains(String divisionCode) {
        return isSystemAdmin() || safe(() -> JurisdictionScope.strictlyContains(jurisdiction(), divisionCode));
    }

    /** Whether the caller may read a division (province, city or county) and what lies under it. */
    public boolean canReadDivision(String divisionCode) {
        return role() != Role.SCHOOL_REPORTER && covers(divisionCode);
    }

    /** A school's own reporter, or whoever may read its county. */
    public boolean canReadSchool(String schoolCode, String countyCode) {
        if (role() == Role.SCHOOL_REPORTER) {
            return jurisdiction().equals(schoolCode);
        }
        return countyCode != null && canReadDivision(countyCode);
    }

    /** 404 unless the caller may read the division: it may not learn that it exists. */
    public void requireRead(String divisionCode, String what) {
        if (!canReadDivision(divisionCode)) {
            throw ProblemException.notFound("no " + what);
        }
    }

    public void requireReadSchool(String schoolCode, String countyCode) {
        if (!canReadSchool(schoolCode, countyCode)) {
            throw ProblemException.notFound("no school " + schoolCode);
        }
    }

    /** 403 unless the caller has one of these roles (call after the read check: it may know the thing exists). */
    public void requireRole(String action, Role... roles) {
        if (!is(roles)) {
            throw ProblemException.forbidden(role() + " may not " + action);
        }
    }

    private static boolean safe(java.util.function.BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (IllegalArgumentException e) {
            return false; // a malformed code is covered by nobody
        }
    }
}
