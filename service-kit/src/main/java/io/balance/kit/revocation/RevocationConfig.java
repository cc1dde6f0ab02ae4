package io.balance.kit.revocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code balance.revocation.*}: every default of the token revocation check, in one place. */
@ConfigMapping(prefix = "balance.revocation")
public interface RevocationConfig {
    /** false: no list is read and no token is checked against it (the gateway, which keeps the list itself). */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("200ms")
    Duration pollTimeout();

    /**
     * How long startup waits for the list to catch up, so that a service started beside a running broker never
     * answers its first request while loading. Longer (Kafka unreachable): it starts, not ready, and answers 503
     * to every request with a token until the list has caught up.
     */
    @WithDefault("10s")
    Duration startupWait();

    /** Pause before a failed consumer is rebuilt. */
    @WithDefault("2s")
    Duration retryBackoff();
}
