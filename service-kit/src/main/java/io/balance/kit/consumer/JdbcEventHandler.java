package io.balance.kit.consumer;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer of one topic whose events of one type are stored over JDBC, the batch in one transaction: each record
 * is read ({@link Inbox#read}: unreadable ones are parked), de-duplicated and ordered by its aggregate's
 * revision ({@link Inbox#accept}), then {@link #store}d. Subclasses say only what the event is and how it is kept.
 */
public abstract class JdbcEventHandler<T> implements EventHandler {
    @Inject
    protected Inbox inbox;
    @Inject
    protected AgroalDataSource dataSource;

    private final String name;
    private final Class<T> type;
    private final String topic;

    /** What {@link Inbox#accept} orders and de-duplicates an event by. */
    public record Key(String eventId, String aggregate, long revision) {
    }

    /** @param name the consumer's name (thread, metrics, replay) */
    protected JdbcEventHandler(String name, Class<T> type, String topic) {
        this.name = name;
        this.type = type;
        this.topic = topic;
    }

    @Override
    public String name() {
        return name;
    }

    protected String topic() {
        return topic;
    }

    /** The event's key; null to skip an event that lacks what this handler needs (nothing is recorded for it). */
    protected abstract Key key(T event);

    /** Keeps a new event, on the batch's connection and transaction. */
    protected abstract void store(Connection c, T event) throws Exception;

    @Override
    public List<String> topics() {
        return List.of(topic);
    }

    @Override
    @Transactional
    public void handle(List<ConsumerRecord<String, String>> batch, boolean replaying) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (ConsumerRecord<String, String> r : batch) {
                T event = inbox.read(r, type).orElse(null);
                Key key = event == null ? null : key(event);
                if (key != null && inbox.accept(c, key.eventId(), topic, key.aggregate(), key.revision())) {
                    store(c, event);
                }
            }
        }
    }
}
