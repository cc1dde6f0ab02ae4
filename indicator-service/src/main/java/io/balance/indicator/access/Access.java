package io.balance.indicator.access;

import io.balance.contracts.Role;
import io.balance.kit.caller.Caller;
import io.balance.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * indicator-service's own permission rules, on top of the kit's {@link Caller} (which reads the token and decides
 * reading: 404 for what the caller may not know exists). These decide changing (403).
 */
@RequestScoped
public class Access {
    @Inject
    Caller caller;

    /** Findings: COUNTY_ADMIN of that county, PROVINCE_ADMIN over it, SYSTEM_ADMIN; 404 / 403 otherwise. */
    public void requireFindingsWrite(String countyCode) {
        caller.requireRead(countyCode, "county " + countyCode);
        boolean allowed = caller.is(Role.SYSTEM_ADMIN, Role.PROVINCE_ADMIN)
                || caller.role() == Role.COUNTY_ADMIN && countyCode.equals(caller.jurisdiction());
        if (!allowed) {
            throw ProblemException.forbidden(caller.role() + " may read but not change the findings of " + countyCode);
        }
    }

    /** Rule-set variants: PROVINCE_ADMIN within its province, SYSTEM_ADMIN anywhere. */
    public void requireRuleSetWrite(String jurisdictionCode) {
        if (caller.isSystemAdmin()) {
            return;
        }
        caller.requireRole("create rule sets", Role.PROVINCE_ADMIN);
        if (jurisdictionCode == null || !caller.covers(jurisdictionCode)) {
            throw ProblemException.forbidden("a province administrator creates rule sets for its own province only");
        }
    }

    /** Operator endpoints (consumer status, replay, full recompute). */
    public void requireSystemAdmin() {
        caller.requireRole("do this (SYSTEM_ADMIN only)", Role.SYSTEM_ADMIN);
    }
}
