package io.balance.supervision.problem;

import io.balance.kit.problem.ProblemException;
import io.balance.supervision.common.LedgerAccess;
import io.balance.supervision.common.Params;
import io.balance.supervision.common.Today;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;

/** One problem by its id as the caller may know it: 404 when it does not exist or lies outside the caller's reach. */
@ApplicationScoped
public class ProblemLookup {
    @Inject
    ProblemRepository problems;
    @Inject
    LedgerAccess access;
    @Inject
    Today today;

    public ProblemView readable(String id) throws SQLException {
        ProblemView p = problems.find(Params.id("problem", id), false, today.date());
        if (p == null || !access.caller().canReadDivision(p.countyCode())) {
            throw ProblemException.notFound("no problem " + id);
        }
        return p;
    }
}
