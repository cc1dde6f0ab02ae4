package io.balance.kit.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The consumers' lag and parked events in readiness; UP while Kafka is down (reads still work; alert on
 * balance_consumer_lag) and with events parked (alert on balance_consumer_parked, read parked_event).
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {
    @Inject
    EventConsumers consumers;
    @Inject
    ParkedEvents parked;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-consumers").up()
                .withData("enabled", consumers.enabled())
                .withData("parked", parked.count());
        for (ConsumerStatus s : consumers.status()) {
            b.withData(s.name() + ".lag", s.lag());
            b.withData(s.name() + ".running", s.running());
            if (s.lastError() != null) {
                b.withData(s.name() + ".lastError", s.lastError());
            }
        }
        return b.build();
    }
}
