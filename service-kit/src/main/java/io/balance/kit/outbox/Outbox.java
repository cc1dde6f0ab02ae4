package io.balance.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Writes an event into {@code outbox_event} inside the caller's transaction, so that the change and its event
 * commit (or roll back) together; {@link OutboxRelay} publishes it once committed. The table comes from the
 * shared Flyway location {@code classpath:db/kit}.
 */
@ApplicationScoped
public class Outbox {
    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;
    @Inject
    OutboxRelay relay;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A fresh event id; the caller puts it into the payload record too. */
    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /** Inside the caller's JTA transaction ({@code @Transactional}); the relay is woken after it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String eventId, String topic, String key, long revision, Object payload) {
        try (Connection c = dataSource.getConnection()) {
            add(c, eventId, topic, key, revision, payload);
        } catch (SQLException e) {
            throw new IllegalStateException("outbox write failed", e);
        }
    }

    /**
     * On the caller's connection, in its transaction (JTA or a plain JDBC one). Without JTA the caller calls
     * {@link #wake()} after its commit, else the sweep publishes the event within {@code sweep-interval}.
     */
    public void add(Connection c, String eventId, String topic, String key, long revision, Object payload)
            throws SQLException {
        try (Batch b = batch(c)) {
            b.add(eventId, topic, key, revision, payload);
        }
    }

    /** For many events at once (a full recompute changes thousands): JDBC batches, flushed by the caller and on close. */
    public Batch batch(Connection c) throws SQLException {
        return new Batch(c.prepareStatement(INSERT));
    }

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, message_key, event_type, revision, payload, created_at)
            values (?, ?, ?, ?, ?, ?, now())""";

    /** Outbox rows written in JDBC batches on the caller's connection and transaction. */
    public final class Batch implements AutoCloseable {
        private final PreparedStatement insert;
        private int pending;

        private Batch(PreparedStatement insert) {
            this.insert = insert;
        }

        public void add(String eventId, String topic, String key, long revision, Object payload) throws SQLException {
            insert.setString(1, eventId);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, payload.getClass().getSimpleName());
            insert.setLong(5, revision);
            insert.setString(6, payload instanceof String s ? s : write(payload));
            insert.addBatch();
            pending++;
        }

        public void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
                wakeAfterCommit();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                insert.close();
            }
        }
    }

    /** Publish now rather than at the next sweep (after a plain JDBC commit). */
    public void wake() {
        relay.wake();
    }

    private void wakeAfterCommit() {
        if (transactions.getTransactionKey() == null || transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serialisable: " + payload.getClass().getName(), e);
        }
    }
}
