package io.balance.kit.consumer;

import io.agroal.api.AgroalDataSource;
import io.balance.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Events a consumer set aside instead of applying: unreadable ones ({@link Inbox#read}) and ones that fail on
 * their own after their batch failed {@code balance.consumer.park-after-attempts} times ({@link ConsumerLoop}).
 * One bad event so neither blocks its partition for good nor disappears: each keeps its topic, partition,
 * offset, key, payload and reason in {@code parked_event}. Operators see the count in readiness
 * ({@code event-consumers}) and the gauge {@code balance_consumer_parked}, both read from that table; a replay from
 * the start reads them again.
 */
@ApplicationScoped
public class ParkedEvents {
    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);

    @Inject
    AgroalDataSource dataSource;

    /**
     * Keeps the record, once per consumer and position (a retried batch parks it again harmlessly). In the
     * caller's transaction when there is one, so a batch that rolls back takes its parked rows with it.
     */
    public void park(String consumer, ConsumerRecord<String, String> r, String reason) {
        try (Connection c = dataSource.getConnection()) {
            int added = Sql.update(c, """
                    insert into parked_event (consumer, topic, kafka_partition, kafka_offset, message_key, payload, reason)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    consumer, r.topic(), r.partition(), r.offset(), r.key(), r.value(), reason);
            if (added == 1) { // again after a rolled-back batch: the row went with it
                LOG.errorf("%s parks %s-%d@%d (key %s): %s", consumer, r.topic(), r.partition(), r.offset(), r.key(),
                        reason);
            }
        } catch (SQLException e) {
            // not parked, so not passed over either: the batch fails and is retried
            throw new IllegalStateException("could not park " + r.topic() + "-" + r.partition() + "@" + r.offset(), e);
        }
    }

    /** How many events are parked, for readiness and the gauge; -1 when the database cannot say. */
    public long count() {
        try (Connection c = dataSource.getConnection()) {
            return Sql.count(c, "select count(*) from parked_event");
        } catch (SQLException e) {
            return -1;
        }
    }
}
