package io.balance.school;

import com.fasterxml.jackson.databind.JsonNode;
import io.balance.infra.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A topic's events as this module's tests look at them: key, parsed payload, {@code eventId} header. */
final class Topic {
    record Event(String key, JsonNode payload, String eventIdHeader) {
    }

    private Topic() {
    }

    /** Reads until {@code expected} matching events were seen, then two seconds more so duplicates would show. */
    static List<Event> read(String topic, Predicate<Event> match, int expected, Duration timeout) {
        return TopicReader.read(topic, r -> match.test(event(r)), expected, timeout, Duration.ofSeconds(2)).stream()
                .map(Topic::event)
                .toList();
    }

    private static Event event(ConsumerRecord<String, String> r) {
        return new Event(r.key(), Api.parse(r.value()), TopicReader.header(r, "eventId"));
    }
}
