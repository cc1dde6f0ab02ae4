package io.balance.supervision.problem;

import io.balance.contracts.ProblemChangedV1;
import io.balance.contracts.Topics;
import io.balance.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** {@code supervision.problems.v1}: a problem's state after each change, written to the outbox in its transaction. */
@ApplicationScoped
public class ProblemEvents {
    @Inject
    Outbox outbox;

    public void changed(Connection c, ProblemView p, String action, String actor) throws SQLException {
        try (Outbox.Batch batch = outbox.batch(c)) {
            changed(batch, p, action, actor, Instant.now());
        }
    }

    /** Many changes at once (a ledger built from one evaluation): one JDBC batch, flushed when the batch closes. */
    public Outbox.Batch batch(Connection c) throws SQLException {
        return outbox.batch(c);
    }

    public void changed(Outbox.Batch batch, ProblemView p, String action, String actor, Instant at) throws SQLException {
        String eventId = Outbox.newEventId();
        ProblemChangedV1 event = new ProblemChangedV1(eventId, ProblemChangedV1.SCHEMA_VERSION, at,
                p.countyCode(), p.id(), p.revision(), p.key(), p.source().name(), p.year(), p.schoolCode(), p.stage(),
                p.ref(), p.title(), p.gap() == null ? null : p.gap().unit(), p.gap() == null ? null : p.gap().amount(),
                p.department(), p.owner(), p.deadline(), p.status().name(),
                p.dataStatus() == null ? null : p.dataStatus().name(), action, actor);
        batch.add(eventId, Topics.SUPERVISION_PROBLEMS, p.countyCode(), p.revision(), event);
    }
}
