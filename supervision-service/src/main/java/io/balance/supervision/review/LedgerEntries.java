package io.balance.supervision.review;

import io.balance.supervision.problem.Gap;
import io.balance.supervision.problem.ProblemEvents;
import io.balance.supervision.problem.ProblemRepository;
import io.balance.supervision.problem.ProblemStatus;
import io.balance.supervision.problem.ProblemView;
import io.balance.supervision.problem.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Adds the problems the review finds (a return's comments, an inspection's difference, a public objection) to
 * the ledger through the ledger's own repository and events, with a CREATED history entry: they then live the
 * ledger's life (assignment, rectification, 销号) like any other problem.
 */
@ApplicationScoped
public class LedgerEntries {
    @Inject
    ProblemRepository problems;
    @Inject
    ProblemEvents events;

    public record Entry(Source source, String key, String county, int year, String schoolCode, String stage,
            String ref, String title, Gap gap) {
    }

    public ProblemView add(Connection c, Entry e, String actor, String actorRole, String note) throws SQLException {
        Instant now = Instant.now();
        long id = problems.nextIds(c, 1)[0];
        ProblemView p = new ProblemView(id, e.key(), e.source(), e.county(), e.year(), null, e.schoolCode(), null,
                e.stage(), e.ref(), e.title(), null, e.gap(), null, null, null, ProblemStatus.OPEN, null, false, 1,
                now, now, null, null);
        problems.insert(c, List.of(p));
        problems.addHistory(c, List.of(new ProblemRepository.NewHistory(id, new ProblemView.HistoryEntry(
                now, actor, actorRole, "CREATED", null, ProblemStatus.OPEN, note, null))));
        events.changed(c, p, "CREATED", actor);
        return p;
    }
}
