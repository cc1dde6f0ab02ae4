package io.balance.school.outbox;

import io.balance.school.common.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes an event into {@code outbox_event} inside the caller's transaction, so the change and its event
 * commit (or roll back) together. {@link OutboxRelay} publishes it later.
 */
@ApplicationScoped
public class Outbox {

    /** A fresh event id; the caller puts it into the payload record too. */
    public static UUID newEventId() {
        return UUID.randomUUID();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(UUID eventId, String topic, String key, Object payload, long revision) {
        OutboxEvent e = new OutboxEvent();
        e.eventId = eventId;
        e.topic = topic;
        e.messageKey = key;
        e.eventType = payload.getClass().getSimpleName();
        e.revision = revision;
        e.payload = Json.write(payload);
        e.createdAt = Instant.now();
        e.persist();
    }
}
