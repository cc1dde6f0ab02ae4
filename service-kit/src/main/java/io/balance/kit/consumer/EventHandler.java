package io.balance.kit.consumer;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service does with the events it consumes. Implement it as an {@code @ApplicationScoped} bean and
 * {@link EventConsumers} runs a consumer loop for it: poll, {@link #handle}, then commit the offsets (at least
 * once; {@link Inbox} de-duplication on eventId makes it effectively once).
 */
public interface EventHandler {
    /** Thread and client name, e.g. {@code indicator-intake}. */
    String name();

    List<String> topics();

    /**
     * Applies a polled batch, typically in one transaction using {@link Inbox#accept}. Throwing retries the
     * whole batch from its first offsets after {@code balance.consumer.retry-backoff}; after
     * {@code park-after-attempts} tries its events are applied one by one and those that still throw are parked
     * ({@link ParkedEvents}). Read payloads with {@link Inbox#read}, which parks an unreadable one at once.
     *
     * @param replaying true while a replay from the start is catching up
     */
    void handle(List<ConsumerRecord<String, String>> batch, boolean replaying) throws Exception;

    /** Before a replay from the start: clear the read model, including {@link Inbox#clear}. */
    default void beforeReplay() throws Exception {
    }

    /** After a replay caught up (e.g. recompute what changed); returns a short summary for the caller. */
    default String afterReplay() throws Exception {
        return "";
    }
}
