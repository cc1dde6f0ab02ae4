package io.balance.gateway.auth;

import java.time.Duration;

/** The growing delay after the n-th consecutive failure: none up to {@code free}, then base, 2 base, 4 base … max. */
public final class Backoff {
    private Backoff() {
    }

    public static Duration after(int failures, int free, Duration base, Duration max) {
        int over = failures - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        int shift = Math.min(over - 1, 30);
        long millis = base.toMillis() << shift;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
