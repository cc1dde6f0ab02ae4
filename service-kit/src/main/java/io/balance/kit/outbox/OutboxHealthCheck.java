package io.balance.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the relay's backlog in readiness. It stays UP while Kafka is down: the service still accepts writes
 * and the events follow once Kafka is back; operators alert on {@code balance_outbox_backlog} and
 * {@code balance_outbox_oldest_unsent_age_seconds} instead.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.Status s = relay.status();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox-relay").up()
                .withData("running", s.running())
                .withData("backlog", s.backlog())
                .withData("oldestUnsentAgeSeconds", s.oldestUnsentAgeSeconds());
        if (s.lastPublishedAt() != null) {
            b.withData("lastPublishedAt", s.lastPublishedAt().toString());
        }
        if (s.lastFailure() != null) {
            b.withData("lastFailureAt", s.lastFailure().at().toString());
            b.withData("lastFailure", s.lastFailure().message());
        }
        return b.build();
    }
}
