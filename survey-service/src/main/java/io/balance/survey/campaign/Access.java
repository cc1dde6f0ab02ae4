package io.balance.survey.campaign;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.survey.common.ApiException;
import io.balance.survey.common.Caller;
import io.balance.survey.registry.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may do what with a county's survey (api-contract.md, "Survey"). The county under evaluation never runs its
 * own survey: creating, planning, editing questionnaires, opening, closing, issuing invitations and reviewing
 * flagged answers belong to the supervising level (a REVIEWER or PROVINCE_ADMIN whose jurisdiction strictly
 * contains the county, or a SYSTEM_ADMIN). The county sees the campaign and its quota progress while it runs and
 * its results once closed; never codes or individual answers. 404 for what the caller may not know exists
 * (invitation codes included), 403 for what it may read but not do.
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

    /** The supervising level over the county: never the county itself, nor anyone inside it. */
    public static boolean supervises(Caller caller, String countyCode) {
        if (caller.role() == Role.SYSTEM_ADMIN) {
            return true;
        }
        if (caller.role() != Role.REVIEWER && caller.role() != Role.PROVINCE_ADMIN) {
            return false;
        }
        return above(caller, countyCode);
    }

    /** Whether the caller's jurisdiction is a level above the county's (a city or province containing it). */
    static boolean above(Caller caller, String countyCode) {
        try {
            return JurisdictionScope.strictlyContains(caller.jurisdiction(), countyCode);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public void requireRead(Caller caller, String countyCode) {
        if (!sees(caller, countyCode)) {
            throw ApiException.notFound("no such survey or county in your jurisdiction");
        }
    }

    /** Create, plan, edit questionnaires, open, close, issue invitations, review flags: 403 for the county. */
    public void requireSupervise(Caller caller, String countyCode, String action) {
        requireRead(caller, countyCode);
        if (!supervises(caller, countyCode)) {
            throw ApiException.forbidden(action + " belongs to the supervising level (a reviewer or province "
                    + "administrator above the county); the county under evaluation does not run its own survey");
        }
    }

    /** Invitation codes (batches, QR images, slip sheets): 404 for everyone but the supervising level. */
    public void requireCodes(Caller caller, String countyCode) {
        if (!sees(caller, countyCode) || !supervises(caller, countyCode)) {
            throw ApiException.notFound("no such invitation or batch in your jurisdiction");
        }
    }

    /**
     * Results: the supervising level and the levels above the county at any time; the county's own users once the
     * campaign has closed; a single school's reporter never.
     */
    public void requireResults(Caller caller, Survey survey) {
        requireRead(caller, survey.countyCode());
        if (caller.role() == Role.SCHOOL_REPORTER) {
            throw ApiException.forbidden("a school reporter may not read county survey results");
        }
        if (supervises(caller, survey.countyCode()) || above(caller, survey.countyCode())) {
            return;
        }
        if (survey.status() != SurveyStatus.CLOSED) {
            throw ApiException.forbidden("the county sees its survey results once the campaign has closed");
        }
    }
}
