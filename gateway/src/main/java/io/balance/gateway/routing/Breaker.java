package io.balance.gateway.routing;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A service's circuit breaker (熔断), SmallRye Fault Tolerance's: it opens when at least {@code failureRatio} of the
 * last {@code requestVolume} exchanges failed with a {@link ServiceFailure}, answers 503 for {@code openFor}, then
 * lets a probe through. Every other outcome, a 4xx or 5xx answer included, counts as the service answering.
 */
public final class Breaker {
    private final TypedGuard<CompletionStage<ProxyResponse>> guard;
    private final long openForNanos;
    private volatile long openedAt;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;

    public Breaker(String service, int requestVolume, double failureRatio, Duration openFor) {
        this.openForNanos = openFor.toNanos();
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() {
                })
                .withCircuitBreaker()
                .name("proxy-" + service)
                .requestVolumeThreshold(requestVolume)
                .failureRatio(failureRatio)
                .delay(openFor.toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .failOn(ServiceFailure.class)
                .onStateChange(this::changed)
                .done()
                .withThreadOffload(false)
                .build();
    }

    private void changed(CircuitBreakerState next) {
        if (next == CircuitBreakerState.OPEN) {
            openedAt = System.nanoTime();
        }
        state = next;
    }

    /** Runs the exchange through the breaker, on the calling (event-loop) thread. */
    Future<ProxyResponse> call(Supplier<Future<ProxyResponse>> exchange) {
        CompletionStage<ProxyResponse> stage = guard.get(() -> exchange.get().toCompletionStage());
        return Future.fromCompletionStage(stage);
    }

    public CircuitBreakerState state() {
        return state;
    }

    /** Seconds until a probe may go (for Retry-After), at least 1. */
    long retryAfterSeconds() {
        if (state != CircuitBreakerState.OPEN) {
            return 1;
        }
        long left = openForNanos - (System.nanoTime() - openedAt);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }
}
