package io.balance.survey.campaign;

import io.balance.contracts.Role;
import io.balance.kit.problem.ProblemException;
import io.balance.kit.caller.Caller;
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

    /** Whether the caller's jurisdiction covers the county (a school's reporter: its school is in it). */
    public boolean sees(Caller caller, String countyCode) {
        if (caller.role() == Role.SCHOOL_REPORTER) {
            return registry.school(caller.jurisdiction()).map(s -> s.countyCode().equals(countyCode)).orElse(false);
        }
        return caller.covers(countyCode);
    }

    /** The supervising level over the county: never the county itself, nor anyone inside it. */
    public static boolean supervises(Caller caller, String countyCode) {
        return caller.isSystemAdmin()
                || caller.is(Role.REVIEWER, Role.PROVINCE_ADMIN) && caller.strictlyContains(countyCode);
    }

    public void requireRead(Caller caller, String countyCode) {
        if (!sees(caller, countyCode)) {
            throw ProblemException.notFound("no such survey or county in your jurisdiction");
        }
    }

    /** Create, plan, edit questionnaires, open, close, issue invitations, review flags: 403 for the county. */
    public void requireSupervise(Caller caller, String countyCode, String action) {
        requireRead(caller, countyCode);
        if (!supervises(caller, countyCode)) {
            throw ProblemException.forbidden(action + " belongs to the supervising level (a reviewer or province "
                    + "administrator above the county); the county under evaluation does not run its own survey");
        }
    }

    /** Invitation codes (batches, QR images, slip sheets): 404 for everyone but the supervising level. */
    public void requireCodes(Caller caller, String countyCode) {
        if (!sees(caller, countyCode) || !supervises(caller, countyCode)) {
            throw ProblemException.notFound("no such invitation or batch in your jurisdiction");
        }
    }

    /**
     * Results: the supervising level and the levels above the county at any time; the county's own users once the
     * campaign has closed; a single school's reporter never.
     */
    public void requireResults(Caller caller, Survey survey) {
        requireRead(caller, survey.countyCode());
        if (caller.role() == Role.SCHOOL_REPORTER) {
            throw ProblemException.forbidden("a school reporter may not read county survey results");
        }
        if (supervises(caller, survey.countyCode()) || caller.strictlyContains(survey.countyCode())) {
            return;
        }
        if (survey.status() != SurveyStatus.CLOSED) {
            throw ProblemException.forbidden("the county sees its survey results once the campaign has closed");
        }
    }
}
