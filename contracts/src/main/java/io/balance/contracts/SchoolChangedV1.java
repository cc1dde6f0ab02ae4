package io.balance.contracts;

import java.time.Instant;

/** A school was registered or its attributes changed. Keyed by school code. */
public record SchoolChangedV1(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String schoolCode,
        long revision,
        SchoolV1 school) {
    public static final int SCHEMA_VERSION = 1;
}
