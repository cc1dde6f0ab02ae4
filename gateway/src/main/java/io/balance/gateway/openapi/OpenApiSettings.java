package io.balance.gateway.openapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The merged OpenAPI document (balance.openapi.*). */
@ConfigMapping(prefix = "balance.openapi")
public interface OpenApiSettings {
    /** How long the merged document is served before the services' documents are fetched again. */
    @WithDefault("60s")
    Duration cacheTtl();
}
