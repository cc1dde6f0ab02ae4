package io.balance.gateway.routing;

import java.time.Duration;

/**
 * A per-service circuit breaker (熔断): after {@code threshold} consecutive failures (no connection, no answer in
 * time) the service is considered down and callers get 503 at once for {@code openFor}; then one request probes,
 * and its outcome closes or re-opens the circuit. Time is passed in, so the rules are testable without waiting.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openForNanos;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean probeInFlight;

    public CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = Math.max(1, threshold);
        this.openForNanos = openFor.toNanos();
    }

    /** Whether a request may go to the service now. */
    public synchronized boolean allow(long nowNanos) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nowNanos - openedAt < openForNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                probeInFlight = true;
                return true;
            default: // HALF_OPEN: one probe at a time
                if (probeInFlight) {
                    return false;
                }
                probeInFlight = true;
                return true;
        }
    }

    public synchronized void success() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    public synchronized void failure(long nowNanos) {
        probeInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = nowNanos;
        }
    }

    /** Seconds until the next probe may go (for Retry-After), at least 1. */
    public synchronized long retryAfterSeconds(long nowNanos) {
        if (state != State.OPEN) {
            return 1;
        }
        long left = openForNanos - (nowNanos - openedAt);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    public synchronized State state() {
        return state;
    }
}
