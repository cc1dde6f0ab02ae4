package io.balance.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The reverse proxy to the services (balance.proxy.*). */
@ConfigMapping(prefix = "balance.proxy")
public interface ProxySettings {
    /** A service that does not accept a connection in this time is down: 503 at once. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** No byte from the service for this long: 504 (long imports still stream; this is idle time only). */
    @WithDefault("30s")
    Duration idleTimeout();

    /** Per service for the whole gateway, shared out over the event loops. */
    @WithDefault("64")
    int maxConnectionsPerService();

    Circuit circuit();

    /**
     * The circuit breaker per service: opens when failure-ratio of the last request-volume exchanges failed by the
     * service's doing (no connection, connection lost, idle timeout; never load the gateway queues, never an answer,
     * whatever its status), answers 503 for open-duration, then lets a probe through.
     */
    interface Circuit {
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("10s")
        Duration openDuration();
    }
}
