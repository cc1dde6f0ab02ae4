package io.balance.supervision.publication;

import io.balance.supervision.common.Today;
import io.balance.supervision.review.ReviewRepository;
import io.balance.supervision.review.ReviewService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.jboss.logging.Logger;

/** Ends publications whose objection window has closed (reads also close a due window, so none waits on this). */
@ApplicationScoped
public class WindowCloser {
    private static final Logger LOG = Logger.getLogger(WindowCloser.class);

    @Inject
    ReviewRepository reviews;
    @Inject
    ReviewService review;
    @Inject
    Today today;

    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDue() {
        try (Connection c = reviews.connection()) {
            for (ReviewRepository.Process p : reviews.closedWindows(c, today.date())) {
                review.closeIfDue(p.countyCode(), p.year());
            }
        } catch (Exception e) {
            LOG.warnf("closing publication windows failed (retried in a minute): %s", e.toString());
        }
    }
}
