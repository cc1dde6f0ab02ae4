package io.balance.supervision.review;

import io.balance.contracts.ReviewChangedV1;
import io.balance.contracts.Topics;
import io.balance.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** {@code supervision.reviews.v1}: the process after each step, written to the outbox in the step's transaction. */
@ApplicationScoped
public class ReviewEvents {
    @Inject
    Outbox outbox;

    public void changed(Connection c, ReviewRepository.Process p, String action, String actor,
            ReviewRepository.Snapshot snapshot) throws SQLException {
        String eventId = Outbox.newEventId();
        ReviewChangedV1 event = new ReviewChangedV1(eventId, ReviewChangedV1.SCHEMA_VERSION, Instant.now(),
                p.countyCode(), p.year(), p.revision(), p.stage().name(), action, actor,
                snapshot == null ? null : snapshot.version(), snapshot == null ? null : snapshot.digest(), p.verdict());
        // one aggregate per county and year: the revision orders its events
        outbox.add(c, eventId, Topics.SUPERVISION_REVIEWS, p.countyCode(), p.revision(), event);
    }
}
