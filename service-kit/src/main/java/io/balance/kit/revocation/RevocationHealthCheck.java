package io.balance.kit.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until the revocation list has read the topic to where it ended at startup: a restarted instance must not
 * take traffic while it could still accept a revoked token. Once caught up it stays UP (Kafka down later: the list
 * it holds stays in force; the lag shows it).
 */
@Readiness
@ApplicationScoped
public class RevocationHealthCheck implements HealthCheck {
    @Inject
    RevocationList list;

    @Override
    public HealthCheckResponse call() {
        if (!list.enabled()) {
            return HealthCheckResponse.named("token-revocations").up().withData("enabled", false).build();
        }
        HealthCheckResponseBuilder b = HealthCheckResponse.named("token-revocations").status(list.caughtUp())
                .withData("caughtUp", list.caughtUp()).withData("names", list.size()).withData("lag", list.lag());
        if (list.lastError() != null) {
            b.withData("lastError", list.lastError());
        }
        return b.build();
    }
}
