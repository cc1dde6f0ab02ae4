package io.balance.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Size limits (413), balance.limits.*: JSON bodies vs. bulk imports (streamed, never buffered). Quarkus' own
 * quarkus.http.limits.max-body-size must let imports through; the gateway enforces these.
 */
@ConfigMapping(prefix = "balance.limits")
public interface BodyLimits {
    @WithDefault("1M")
    MemorySize maxBodySize();

    @WithDefault("64M")
    MemorySize importMaxBodySize();
}
