package io.balance.gateway.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sign-in throttling (balance.auth.throttle.*): growing delays after failures, per account and per source address. */
@ConfigMapping(prefix = "balance.auth.throttle")
public interface ThrottleSettings {
    /** Failures of one account before delays begin. */
    @WithDefault("3")
    int accountFreeFailures();

    /** Failures from one source address (any accounts) before delays begin: an office behind one address mistypes too. */
    @WithDefault("10")
    int sourceFreeFailures();

    /** The first delay; each further failure doubles it. */
    @WithDefault("1s")
    Duration baseDelay();

    @WithDefault("15m")
    Duration maxDelay();

    /** A key with no failure for this long starts again from zero. */
    @WithDefault("1h")
    Duration forgetAfter();
}
