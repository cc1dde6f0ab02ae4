package io.balance.school.access;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.kit.caller.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * school-service's own permission rules, on top of the kit's {@link Caller} (which reads the token and decides
 * reading: 404 for what the caller may not know exists). These decide changing (403).
 */
@RequestScoped
public class Access {
    @Inject
    Caller caller;

    /** Create or change cities and counties: province administrators inside their province (provinces: system only). */
    public boolean canEditDivision(String code, JurisdictionScope.Level level) {
        if (caller.isSystemAdmin()) {
            return true;
        }
        return level != JurisdictionScope.Level.PROVINCE && caller.role() == Role.PROVINCE_ADMIN && caller.covers(code);
    }

    /** Register or change schools of a county, and bulk-import its reports. */
    public boolean canEditRegistry(String countyCode) {
        return caller.isSystemAdmin() || caller.is(Role.PROVINCE_ADMIN, Role.COUNTY_ADMIN) && caller.covers(countyCode);
    }

    /** Write a draft report and submit it: the school's own reporter, or whoever edits its county's registry. */
    public boolean canEditReport(String schoolCode, String countyCode) {
        return caller.role() == Role.SCHOOL_REPORTER ? caller.jurisdiction().equals(schoolCode)
                : canEditRegistry(countyCode);
    }

    /** Approve or reject: the county, the province above it, or the system; never the school itself. */
    public boolean canReview(String countyCode) {
        return canEditRegistry(countyCode);
    }
}
