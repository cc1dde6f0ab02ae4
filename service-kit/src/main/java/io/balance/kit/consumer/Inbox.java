package io.balance.kit.consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The consumer side of the contract: each eventId is applied once ({@code processed_event}) and an older
 * revision of an aggregate never overwrites a newer one ({@code consumed_revision}), so replaying a topic from
 * the start rebuilds the same state. Call it on the connection (transaction) that applies the event.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    ObjectMapper quarkusJson;
    @Inject
    ParkedEvents parked;

    /** Events from other services may carry fields added later: tolerate them. */
    private ObjectMapper json;

    @PostConstruct
    void init() {
        json = quarkusJson.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * The payload, or empty when it cannot be read: then the record is parked ({@link ParkedEvents}, under the
     * consuming thread's name), so it neither blocks its partition nor is lost. Empty for a tombstone (no value).
     */
    public <T> Optional<T> read(ConsumerRecord<String, String> r, Class<T> type) {
        try {
            return parse(r, type);
        } catch (Exception e) {
            parked.park(Thread.currentThread().getName(), r, "unreadable " + type.getSimpleName() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The payload, or empty (logged) when it cannot be read, parking nothing: for a reader that commits no
     * offset and reads its whole topic again at every start (the revocation list), where the record stays.
     */
    public <T> Optional<T> readOrLog(ConsumerRecord<String, String> r, Class<T> type) {
        try {
            return parse(r, type);
        } catch (Exception e) {
            LOG.errorf("skipping unreadable %s %s-%d@%d: %s", type.getSimpleName(), r.topic(), r.partition(),
                    r.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    private <T> Optional<T> parse(ConsumerRecord<String, String> r, Class<T> type) throws Exception {
        return r.value() == null ? Optional.empty() : Optional.ofNullable(json.readValue(r.value(), type));
    }

    /** True the first time this eventId is seen (and records it), false for a duplicate. */
    public boolean firstTime(Connection c, String eventId, String topic) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into processed_event (event_id, topic) values (?, ?) on conflict do nothing")) {
            ps.setString(1, eventId);
            ps.setString(2, topic);
            return ps.executeUpdate() == 1;
        }
    }

    /** True (and records it) when {@code revision} is newer than what was applied for {@code aggregate}. */
    public boolean newer(Connection c, String aggregate, long revision) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into consumed_revision (aggregate, revision) values (?, ?)
                on conflict (aggregate) do update set revision = excluded.revision, applied_at = now()
                where consumed_revision.revision < excluded.revision""")) {
            ps.setString(1, aggregate);
            ps.setLong(2, revision);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Whether to apply an event: not seen before, and newer than what the aggregate holds. An event without
     * an eventId is refused (logged): the contract requires one.
     *
     * @param aggregate what the revision counts, e.g. {@code school:4103290001} or {@code report:4103290001:2025}
     */
    public boolean accept(Connection c, String eventId, String topic, String aggregate, long revision)
            throws SQLException {
        if (eventId == null || eventId.isBlank() || aggregate == null) {
            LOG.errorf("skipping %s event without eventId or subject (%s)", topic, eventId);
            return false;
        }
        return firstTime(c, eventId, topic) && newer(c, aggregate, revision);
    }

    /**
     * Forgets what one consumer consumed, before its replay from the start: the eventIds of {@code topic} and the
     * revisions of the aggregates named {@code aggregatePrefix…}. Other consumers of the service keep theirs.
     */
    public void clear(Connection c, String topic, String aggregatePrefix) throws SQLException {
        try (PreparedStatement seen = c.prepareStatement("delete from processed_event where topic = ?");
                PreparedStatement revisions = c.prepareStatement("delete from consumed_revision where aggregate like ?")) {
            seen.setString(1, topic);
            seen.executeUpdate();
            revisions.setString(1, aggregatePrefix.replace("%", "\\%").replace("_", "\\_") + "%");
            revisions.executeUpdate();
        }
    }

    /** Forgets everything consumed, before a replay from the start of the service's only consumer. */
    public void clear(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("truncate processed_event, consumed_revision");
        }
    }
}
