package io.balance.survey.campaign;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.survey.common.ApiException;
import io.balance.survey.common.Caller;
import io.balance.survey.registry.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Jurisdiction rules (architecture.md, "Identity and jurisdiction"): 404 for what the caller may not know
 * exists, 403 for what it may read but not change.
 */
@ApplicationScoped
public class Access {
    @Inject
    Registry registry;

    /** Whether the caller's jurisdiction covers the county. */
    public boolean sees(Caller caller, String countyCode) {
        if (caller.role() == Role.SYSTEM_ADMIN) {
            return true;
        }
        if (caller.role() == Role.SCHOOL_REPORTER) {
            return registry.school(caller.jurisdiction()).map(s -> s.countyCode().equals(countyCode)).orElse(false);
        }
        try {
            return JurisdictionScope.covers(caller.jurisdiction(), countyCode);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public void requireRead(Caller caller, String countyCode) {
        if (!sees(caller, countyCode)) {
            throw ApiException.notFound("no such survey or county in your jurisdiction");
        }
    }

    /** Create, open, close, adjust the plan, edit questionnaires: county, province and system administrators. */
    public void requireManage(Caller caller, String countyCode) {
        requireRead(caller, countyCode);
        if (!manages(caller)) {
            throw ApiException.forbidden("role " + caller.role() + " may not change survey campaigns");
        }
    }

    /** Results and flagged answers: everyone in the jurisdiction except a single school's reporter. */
    public void requireResults(Caller caller, String countyCode) {
        requireRead(caller, countyCode);
        if (caller.role() == Role.SCHOOL_REPORTER) {
            throw ApiException.forbidden("a school reporter may not read county survey results");
        }
    }

    /** Invitations: administrators, or a school reporter for its own school only. */
    public void requireIssue(Caller caller, String countyCode, String schoolCode) {
        requireRead(caller, countyCode);
        if (manages(caller)) {
            return;
        }
        if (caller.role() == Role.SCHOOL_REPORTER && caller.jurisdiction().equals(schoolCode)) {
            return;
        }
        throw ApiException.forbidden(caller.role() == Role.SCHOOL_REPORTER
                ? "a school reporter may issue invitations for its own school only"
                : "role " + caller.role() + " may not issue invitations");
    }

    public static boolean manages(Caller caller) {
        return caller.role() == Role.SYSTEM_ADMIN || caller.role() == Role.PROVINCE_ADMIN
                || caller.role() == Role.COUNTY_ADMIN;
    }
}
