package io.balance.supervision.review;

import io.balance.contracts.JurisdictionScope;
import io.balance.contracts.Role;
import io.balance.kit.caller.Caller;
import io.balance.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who acts at which stage (separation of duties): the county submits its self-evaluation; a REVIEWER of its
 * city decides the city review; a REVIEWER or PROVINCE_ADMIN of its province decides the province evaluation,
 * publishes and rules on objections. A county never decides its own stage; a SYSTEM_ADMIN may act for any
 * level, but never decides a step it took itself ({@link ReviewService} checks the person).
 */
@RequestScoped
public class ReviewAccess {
    @Inject
    Caller caller;

    public Caller caller() {
        return caller;
    }

    /** 404 unless the caller may read the county. */
    public void requireRead(String county) {
        caller.requireRead(county, "county " + county);
    }

    public void requireSubmit(String county) {
        requireRead(county);
        if (!(caller.isSystemAdmin() || caller.is(Role.COUNTY_ADMIN) && county.equals(caller.jurisdiction()))) {
            throw ProblemException.forbidden(caller.role() + " may not submit the self-evaluation of county " + county
                    + ": the county itself submits it");
        }
    }

    /** The level that decides {@code stage} over {@code county}: the city for CITY_REVIEW, the province after. */
    public void requireDecide(String county, ReviewStage stage) {
        requireRead(county);
        if (caller.isSystemAdmin()) {
            return;
        }
        boolean ok = switch (stage) {
            case CITY_REVIEW -> caller.is(Role.REVIEWER) && at(JurisdictionScope.Level.CITY) && caller.strictlyContains(county);
            case PROVINCE_EVALUATION, PUBLICATION -> caller.is(Role.REVIEWER, Role.PROVINCE_ADMIN)
                    && at(JurisdictionScope.Level.PROVINCE) && caller.strictlyContains(county);
            default -> false;
        };
        if (!ok) {
            throw ProblemException.forbidden(caller.role() + " " + (caller.jurisdiction() == null ? "" : caller.jurisdiction())
                    + " may not decide " + stage + " of county " + county + ": "
                    + (stage == ReviewStage.CITY_REVIEW ? "a reviewer of its city decides it"
                    : "a reviewer or administrator of its province decides it"));
        }
    }

    /** Inspections: the supervising level over the county (never the county itself). */
    public void requireInspect(String county) {
        requireRead(county);
        if (!(caller.isSystemAdmin() || caller.is(Role.REVIEWER, Role.PROVINCE_ADMIN) && caller.strictlyContains(county))) {
            throw ProblemException.forbidden(caller.role() + " may not record inspections of county " + county
                    + ": a reviewer over the county does");
        }
    }

    private boolean at(JurisdictionScope.Level level) {
        return caller.jurisdiction() != null && JurisdictionScope.levelOf(caller.jurisdiction()) == level;
    }

    public String actor() {
        return caller.name();
    }

    public String actorRole() {
        return caller.role().name();
    }

    /** SYSTEM, PROVINCE, CITY or COUNTY: the level the caller acts at. */
    public String actorLevel() {
        return caller.isSystemAdmin() ? "SYSTEM" : JurisdictionScope.levelOf(caller.jurisdiction()).name();
    }
}
