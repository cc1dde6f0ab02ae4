package io.balance.kit.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code balance.consumer.*}: every default of the event consumer, in one place. */
@ConfigMapping(prefix = "balance.consumer")
public interface EventConsumerConfig {
    /** false: nothing is consumed; for tests that apply events by hand. */
    @WithDefault("true")
    boolean enabled();

    /** One consumer group per service; a new group reads every topic from the beginning. */
    @WithDefault("${quarkus.application.name}")
    String groupId();

    @WithDefault("100ms")
    Duration pollTimeout();

    @WithDefault("1000")
    int maxPollRecords();

    /** Pause before a failed batch is retried from its first offsets. */
    @WithDefault("1s")
    Duration retryBackoff();

    /**
     * Tries of a failing batch before its events are applied one by one and the ones that still fail are
     * parked ({@link ParkedEvents}); a database that is down parks nothing and the batch keeps being retried.
     */
    @WithDefault("5")
    int parkAfterAttempts();
}
