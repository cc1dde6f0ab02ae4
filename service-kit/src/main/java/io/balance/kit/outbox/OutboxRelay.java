package io.balance.kit.outbox;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.jdbc.Sql;
import io.balance.kit.kafka.KafkaConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka in id order, on its own thread: woken after every commit that wrote events
 * (the Quarkus scheduler's one-second trigger check alone would delay each event), plus a sweep every
 * {@code sweep-interval}. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas never publish
 * the same row at once, and a row is marked sent only after the broker acknowledged it. Kafka down: the rows
 * stay and are retried; writes keep succeeding meanwhile. Sent rows are purged after {@code retention}.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxConfig config;
    @Inject
    KafkaConfig kafka;
    @Inject
    MeterRegistry registry;

    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong();
    private Counter published;
    private Counter failures;
    private OutboxPublisher publisher;
    private volatile boolean running;
    private volatile Instant lastPublishedAt;
    private volatile Failure lastFailure; // one record, so a reader never pairs one failure's time with another's text
    private Instant nextPurge = Instant.now().plusSeconds(60);
    private Thread thread;

    void start(@Observes StartupEvent ev) {
        registry.gauge("balance.outbox.backlog", backlog);
        registry.gauge("balance.outbox.oldest.unsent.age.seconds", oldestUnsentAgeSeconds);
        published = registry.counter("balance.outbox.published");
        failures = registry.counter("balance.outbox.failures");
        if (!config.enabled()) {
            return;
        }
        publisher = new OutboxPublisher(kafka, config);
        running = true;
        thread = new Thread(this::loop, kafka.clientId() + "-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        wakeups.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    /** Relay now instead of at the next sweep (called after a commit that wrote events). */
    public void wake() {
        wakeups.release();
    }

    private void loop() {
        while (running) {
            long wait = config.sweepInterval().toMillis();
            try {
                int n;
                do {
                    n = relayBatch();
                } while (running && n == config.batchSize());
                if (n < 0) {
                    wait = Math.max(wait, 1000); // Kafka trouble: don't spin on wake-ups
                }
                purgeIfDue();
            } catch (Exception e) {
                recordFailure(e);
                wait = Math.max(wait, 1000);
            } finally {
                refreshBacklog();
            }
            try {
                if (wakeups.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes one batch; returns the rows marked sent, or -1 after a failure (the rest stay for a retry). */
    int relayBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<OutboxPublisher.Row> rows = OutboxPublisher.claim(c, config.batchSize());
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                OutboxPublisher.Result result = publisher.publish(rows);
                OutboxPublisher.markSent(c, result.sent());
                if (result.failure() != null && result.sent().size() < rows.size()) {
                    OutboxPublisher.markFailed(c, rows.get(result.sent().size()).id(), result.failure());
                }
                c.commit();
                if (!result.sent().isEmpty()) {
                    published.increment(result.sent().size());
                    lastPublishedAt = Instant.now();
                }
                if (result.failure() != null) {
                    recordFailure(result.failure());
                    return -1;
                }
                return result.sent().size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void recordFailure(Exception e) {
        failures.increment();
        lastFailure = new Failure(Instant.now(), String.valueOf(e));
        LOG.debugf("outbox relay: %s (rows stay unsent and are retried)", e);
        publisher.resetAfter(e);
    }

    private void refreshBacklog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*), min(created_at) from outbox_event where sent_at is null");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                backlog.set(rs.getLong(1));
                Timestamp oldest = rs.getTimestamp(2);
                oldestUnsentAgeSeconds.set(oldest == null ? 0
                        : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toSeconds()));
            }
        } catch (SQLException e) {
            LOG.debugf("outbox backlog query failed: %s", e);
        }
    }

    /** Published events are kept for a while for operators, then removed. */
    void purgeIfDue() throws SQLException {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(config.purgeInterval());
        purgeSentBefore(Instant.now().minus(config.retention()));
    }

    public int purgeSentBefore(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Sql.update(c, "delete from outbox_event where sent_at < ?", Timestamp.from(cutoff));
        }
    }

    /** The relay's state for readiness and operators. */
    public Status status() {
        return new Status(running && thread != null && thread.isAlive(), backlog.get(), oldestUnsentAgeSeconds.get(),
                lastPublishedAt, lastFailure);
    }

    /**
     * @param backlog                unsent rows at the last pass
     * @param oldestUnsentAgeSeconds age of the oldest of them (0 when none)
     * @param lastPublishedAt        null until an event was acknowledged
     * @param lastFailure            null until publishing failed once
     */
    public record Status(boolean running, long backlog, long oldestUnsentAgeSeconds, Instant lastPublishedAt,
            Failure lastFailure) {
    }

    /** The last publishing failure: when, and what Kafka or the database said. */
    public record Failure(Instant at, String message) {
    }
}
