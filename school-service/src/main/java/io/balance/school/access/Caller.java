package io.balance.school.access;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.contracts.TokenClaims;
import io.balance.school.common.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified caller of this request and what its role and jurisdiction let it do. Reading is decided by
 * jurisdiction (what it may not read, it may not know exists: 404); changing additionally by role (403).
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
            throw new io.quarkus.security.UnauthorizedException();
        }
        var groups = jwt.getGroups();
        if (groups == null || groups.size() != 1) {
            throw ProblemException.forbidden("the token must carry exactly one role");
        }
        Role r;
        try {
            r = Role.valueOf(groups.iterator().next());
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("unknown role in token");
        }
        Object claim = jwt.getClaim(TokenClaims.JURISDICTION);
        String j = claim == null ? null : claim.toString().replace("\"", "");
        if (r != Role.SYSTEM_ADMIN) {
            boolean ok = j != null && (r == Role.SCHOOL_REPORTER ? j.matches("\\d{10}") : j.matches("\\d{6}"));
            if (!ok) {
                throw ProblemException.forbidden("the token's jurisdiction claim is missing or malformed");
            }
        }
        this.jurisdiction = r == Role.SYSTEM_ADMIN ? null : j;
        this.role = r;
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

    public String name() {
        String name = jwt.getName();
        return name == null ? jwt.getSubject() : name;
    }

    public boolean isSystemAdmin() {
        return role() == Role.SYSTEM_ADMIN;
    }

    /** Whether the caller may read a division (province, city, county) and what lies under it. */
    public boolean canReadDivision(String code) {
        if (isSystemAdmin()) {
            return true;
        }
        if (role() == Role.SCHOOL_REPORTER) {
            return false;
        }
        return JurisdictionScope.covers(jurisdiction(), code);
    }

    public boolean canReadSchool(String schoolCode, String countyCode) {
        if (role() == Role.SCHOOL_REPORTER) {
            return jurisdiction().equals(schoolCode);
        }
        return canReadDivision(countyCode);
    }

    /** Create or change cities and counties: province administrators inside their province (provinces: system only). */
    public boolean canEditDivision(String code, JurisdictionScope.Level level) {
        if (isSystemAdmin()) {
            return true;
        }
        return level != JurisdictionScope.Level.PROVINCE && role() == Role.PROVINCE_ADMIN
                && JurisdictionScope.covers(jurisdiction(), code);
    }

    /** Register or change schools of a county, and bulk-import its reports. */
    public boolean canEditRegistry(String countyCode) {
        return switch (role()) {
            case SYSTEM_ADMIN -> true;
            case PROVINCE_ADMIN, COUNTY_ADMIN -> JurisdictionScope.covers(jurisdiction(), countyCode);
            default -> false;
        };
    }

    /** Write a draft report and submit it. */
    public boolean canEditReport(String schoolCode, String countyCode) {
        return role() == Role.SCHOOL_REPORTER ? jurisdiction().equals(schoolCode) : canEditRegistry(countyCode);
    }

    /** Approve or reject: the county, the province above it, or the system; never the school itself. */
    public boolean canReview(String countyCode) {
        return canEditRegistry(countyCode);
    }

    public void requireReadSchool(String schoolCode, String countyCode) {
        if (!canReadSchool(schoolCode, countyCode)) {
            throw ProblemException.notFound("no school " + schoolCode);
        }
    }

    public void requireReadDivision(String code) {
        if (!canReadDivision(code)) {
            throw ProblemException.notFound("no jurisdiction " + code);
        }
    }
}
