package io.balance.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code balance.outbox.*}: every default of the relay, in one place. */
@ConfigMapping(prefix = "balance.outbox")
public interface OutboxConfig {
    /** false: nothing is published (events wait in the table); for tests that look at the rows themselves. */
    @WithDefault("true")
    boolean enabled();

    /** The relay is woken after each commit that wrote events; this sweep catches anything else. */
    @WithDefault("1s")
    Duration sweepInterval();

    @WithDefault("500")
    int batchSize();

    /** How long the producer tries to deliver one batch (acks=all) before the rows are retried. */
    @WithDefault("10s")
    Duration deliveryTimeout();

    /** How long a send may block on missing metadata (Kafka down) before the tick gives up. */
    @WithDefault("2s")
    Duration maxBlock();

    /** Sent rows are kept this long for operators, then purged. */
    @WithDefault("P30D")
    Duration retention();

    @WithDefault("1h")
    Duration purgeInterval();
}
