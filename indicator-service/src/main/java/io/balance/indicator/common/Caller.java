package io.balance.indicator.common;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.contracts.TokenClaims;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified caller and its jurisdiction (architecture.md): 404 for what it may not know exists,
 * 403 for what it may read but not change.
 */
@RequestScoped
public class Caller {
    @Inject
    JsonWebToken jwt;

    public String name() {
        return jwt.getName();
    }

    public Role role() {
        if (jwt.getGroups() == null || jwt.getGroups().size() != 1) {
            throw ProblemException.forbidden("the token must carry exactly one role");
        }
        try {
            return Role.valueOf(jwt.getGroups().iterator().next());
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("unknown role");
        }
    }

    public String jurisdiction() {
        Object claim = jwt.getClaim(TokenClaims.JURISDICTION);
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /** Whether the caller may read data of this division (province, city or county code). */
    public boolean mayRead(String divisionCode) {
        Role role = role();
        if (role == Role.SYSTEM_ADMIN) {
            return true;
        }
        if (role == Role.SCHOOL_REPORTER) {
            return false;
        }
        return safeCovers(jurisdiction(), divisionCode);
    }

    /** 404 unless the caller may read this division. */
    public void requireRead(String divisionCode, String what) {
        if (!mayRead(divisionCode)) {
            throw ProblemException.notFound(what + " not found");
        }
    }

    /** Whether the caller may read one school's figures (its county's readers and its own reporter). */
    public boolean mayReadSchool(String schoolCode, String countyCode) {
        if (role() == Role.SCHOOL_REPORTER) {
            return schoolCode.equals(jurisdiction());
        }
        return countyCode != null && mayRead(countyCode);
    }

    /** Findings: COUNTY_ADMIN of that county, PROVINCE_ADMIN over it, SYSTEM_ADMIN; 404 / 403 otherwise. */
    public void requireFindingsWrite(String countyCode) {
        requireRead(countyCode, "county " + countyCode);
        Role role = role();
        boolean allowed = role == Role.SYSTEM_ADMIN
                || role == Role.PROVINCE_ADMIN
                || role == Role.COUNTY_ADMIN && countyCode.equals(jurisdiction());
        if (!allowed) {
            throw ProblemException.forbidden(role + " may read but not change the findings of " + countyCode);
        }
    }

    /** Rule-set variants: PROVINCE_ADMIN within its province, SYSTEM_ADMIN anywhere. */
    public void requireRuleSetWrite(String jurisdictionCode) {
        Role role = role();
        if (role == Role.SYSTEM_ADMIN) {
            return;
        }
        if (role != Role.PROVINCE_ADMIN) {
            throw ProblemException.forbidden(role + " may not create rule sets");
        }
        if (jurisdictionCode == null || !safeCovers(jurisdiction(), jurisdictionCode)) {
            throw ProblemException.forbidden("a province administrator creates rule sets for its own province only");
        }
    }

    public void requireSystemAdmin() {
        if (role() != Role.SYSTEM_ADMIN) {
            throw ProblemException.forbidden("only SYSTEM_ADMIN may do this");
        }
    }

    private static boolean safeCovers(String jurisdiction, String code) {
        try {
            return JurisdictionScope.covers(jurisdiction, code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
