package io.balance.supervision.problem;

import io.balance.contracts.EvaluationChangedV1;
import io.balance.supervision.common.Today;
import io.balance.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Brings a county's automatic problems in line with one evaluation (inside the consumer's transaction): a new
 * failing item becomes an OPEN problem; an item that fails again after VERIFIED is REOPENED; an item this
 * evaluation shows passing gets {@code dataStatus} MET; gaps follow the data. Keys are stable, so the same
 * evaluation applied twice changes nothing.
 */
@ApplicationScoped
public class LedgerBuilder {
    private static final Logger LOG = Logger.getLogger(LedgerBuilder.class);
    static final String ACTOR = "indicator.evaluations.v1";
    static final String ACTOR_ROLE = "SYSTEM";

    @Inject
    ProblemRepository problems;
    @Inject
    ProblemEvents events;
    @Inject
    Today today;

    public record Result(int created, int changed) {
    }

    private record Change(ProblemView problem, String action, ProblemView.HistoryEntry history) {
    }

    public Result apply(Connection c, EvaluationChangedV1 e) throws SQLException {
        long t0 = System.nanoTime();
        LedgerItems items = LedgerItems.of(e);
        long t1 = System.nanoTime();
        Map<String, ProblemView> existing = problems.automatic(c, e.countyCode(), e.year(), e.ruleSet(), today.date());
        long t2 = System.nanoTime();
        Instant now = Instant.now();
        String note = "评估修订 " + e.revision();
        List<LedgerItem> fresh = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (LedgerItem item : items.failing().values()) {
            ProblemView old = existing.get(item.key());
            if (old == null) {
                fresh.add(item);
                continue;
            }
            Change change = failingAgain(old, item, now, note);
            if (change != null) {
                changes.add(change);
            }
        }
        for (ProblemView old : existing.values()) {
            if (!items.failing().containsKey(old.key()) && old.dataStatus() != DataStatus.MET
                    && items.stateOf(old.key()) == LedgerItems.State.PASSING) {
                ProblemView met = copy(old, old.title(), old.hint(), old.gap(), old.status(), DataStatus.MET, now);
                changes.add(new Change(met, "DATA_MET", history(now, "DATA_MET", old.status(), old.status(),
                        note + "：数据已达标", Map.of("dataStatus", "MET"))));
            }
        }

        long t3 = System.nanoTime();
        long[] ids = fresh.isEmpty() ? new long[0] : problems.nextIds(c, fresh.size());
        long t4 = System.nanoTime();
        List<ProblemView> inserts = new ArrayList<>(fresh.size());
        List<ProblemRepository.NewHistory> history = new ArrayList<>(fresh.size() + changes.size());
        for (int i = 0; i < fresh.size(); i++) {
            LedgerItem item = fresh.get(i);
            ProblemView p = new ProblemView(ids[i], item.key(), Source.EVALUATION, e.countyCode(), e.year(), e.ruleSet(),
                    item.schoolCode(), item.schoolName(), item.stage(), item.ref(), item.title(), item.hint(), item.gap(),
                    null, null, null, ProblemStatus.OPEN, DataStatus.NOT_MET, false, 1, now, now, null, null);
            inserts.add(p);
            history.add(new ProblemRepository.NewHistory(p.id(),
                    history(now, "CREATED", null, ProblemStatus.OPEN, note, null)));
        }
        problems.insert(c, inserts);
        problems.update(c, changes.stream().map(Change::problem).toList());
        long t5 = System.nanoTime();
        changes.forEach(ch -> history.add(new ProblemRepository.NewHistory(ch.problem().id(), ch.history())));
        problems.addHistory(c, history);
        long t6 = System.nanoTime();
        // one ProblemChangedV1 per change, all in one JDBC batch (one statement per event was 1,500 round trips)
        try (Outbox.Batch batch = events.batch(c)) {
            for (ProblemView p : inserts) {
                events.changed(batch, p, "CREATED", ACTOR, now);
            }
            for (Change ch : changes) {
                events.changed(batch, ch.problem(), ch.action(), ACTOR, now);
            }
        }
        long t7 = System.nanoTime();
        LOG.debugf("ledger %s/%d/%s r%d: %d created, %d changed; ms: items %d, existing %d, diff %d, ids %d,"
                + " problems %d, history %d, outbox %d", e.countyCode(), e.year(), e.ruleSet(), e.revision(),
                inserts.size(), changes.size(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
                ms(t6 - t5), ms(t7 - t6));
        return new Result(inserts.size(), changes.size());
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** A known item failing in this evaluation: reopened after VERIFIED, back to NOT_MET, or a changed gap. */
    private static Change failingAgain(ProblemView old, LedgerItem item, Instant now, String note) {
        boolean gapChanged = !Objects.equals(old.gap(), item.gap()) || !Objects.equals(old.title(), item.title())
                || !Objects.equals(old.hint(), item.hint());
        if (old.status() == ProblemStatus.VERIFIED) {
            ProblemView p = copy(old, item.title(), item.hint(), item.gap(), ProblemStatus.REOPENED, DataStatus.NOT_MET, now);
            return new Change(p, "REOPENED", history(now, "REOPENED", old.status(), ProblemStatus.REOPENED,
                    note + "：销号后再次未达标，自动重新打开", Map.of("dataStatus", "NOT_MET")));
        }
        if (old.dataStatus() != DataStatus.NOT_MET) {
            ProblemView p = copy(old, item.title(), item.hint(), item.gap(), old.status(), DataStatus.NOT_MET, now);
            return new Change(p, "DATA_NOT_MET", history(now, "DATA_NOT_MET", old.status(), old.status(),
                    note + "：再次未达标", Map.of("dataStatus", "NOT_MET")));
        }
        if (gapChanged) {
            ProblemView p = copy(old, item.title(), item.hint(), item.gap(), old.status(), old.dataStatus(), now);
            return new Change(p, "UPDATED", history(now, "UPDATED", old.status(), old.status(), note + "：差距更新",
                    item.gap() == null ? null : Map.of("gap", item.gap().amount().toPlainString() + " " + item.gap().unit())));
        }
        return null;
    }

    private static ProblemView.HistoryEntry history(Instant at, String action, ProblemStatus from, ProblemStatus to,
            String note, Map<String, String> changes) {
        return new ProblemView.HistoryEntry(at, ACTOR, ACTOR_ROLE, action, from, to, note, changes);
    }

    private static ProblemView copy(ProblemView o, String title, String hint, Gap gap, ProblemStatus status,
            DataStatus data, Instant now) {
        return new ProblemView(o.id(), o.key(), o.source(), o.countyCode(), o.year(), o.ruleSet(), o.schoolCode(),
                o.schoolName(), o.stage(), o.ref(), title, hint, gap, o.department(), o.owner(), o.deadline(), status,
                data, o.overdue(), o.revision() + 1, o.createdAt(), now, null, null);
    }
}
