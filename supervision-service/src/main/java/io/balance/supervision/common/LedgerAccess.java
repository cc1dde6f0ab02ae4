package io.balance.supervision.common;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.kit.caller.Caller;
import io.balance.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may do what with a county's supervision data, on the kit's {@link Caller}. Reading: whoever's
 * jurisdiction covers the county (a school's reporter does not); what it may not read is a 404. The county
 * (COUNTY_ADMIN) and the province above it administer; only the supervising level (a REVIEWER or
 * PROVINCE_ADMIN whose jurisdiction strictly contains the county, or SYSTEM_ADMIN) verifies: a county never
 * closes its own problems. A DEPARTMENT officer of the county acts only on what is assigned to its department.
 */
@RequestScoped
public class LedgerAccess {
    @Inject
    Caller caller;

    public Caller caller() {
        return caller;
    }

    /** 400 unless {@code code} is a county's division code. */
    public static String countyCode(String code) {
        try {
            if (code != null && JurisdictionScope.levelOf(code) == JurisdictionScope.Level.COUNTY) {
                return code;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.invalid("county", "must be a 6-digit county code, e.g. 999901");
    }

    /** 404 unless the caller may read the county. */
    public void requireRead(String county) {
        caller.requireRead(county, "county " + county);
    }

    /** The county itself, or an administrator above it. */
    public boolean administers(String county) {
        return caller.isSystemAdmin()
                || caller.is(Role.COUNTY_ADMIN) && county.equals(caller.jurisdiction())
                || caller.is(Role.PROVINCE_ADMIN) && caller.covers(county);
    }

    /** The supervising level: a reviewer or province above the county (never the county itself). */
    public boolean supervises(String county) {
        return caller.isSystemAdmin() || caller.is(Role.REVIEWER, Role.PROVINCE_ADMIN) && caller.strictlyContains(county);
    }

    /** A DEPARTMENT officer of this county and department. */
    public boolean isDepartment(String county, String department) {
        return caller.is(Role.DEPARTMENT) && county.equals(caller.jurisdiction()) && department != null
                && department.equals(caller.department());
    }

    /** 403 (after the read check) unless the county or an administrator above it. */
    public void requireAdminister(String county, String action) {
        requireRead(county);
        if (!administers(county)) {
            throw ProblemException.forbidden(caller.role() + " may not " + action + " of county " + county);
        }
    }

    public String actor() {
        return caller.name();
    }

    public String actorRole() {
        return caller.role().name();
    }
}
