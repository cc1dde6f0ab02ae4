package io.balance.gateway.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Audit trail settings (balance.audit.*). */
@ConfigMapping(prefix = "balance.audit")
public interface AuditSettings {
    /** How often each replica looks for pending entries it was not told about (another replica's, orphans). */
    @WithDefault("1s")
    Duration sweepInterval();

    /**
     * How long a pending entry may wait for its outcome before it is chained without one (the gateway that forwarded
     * it stopped): longer than any request takes, bulk imports included.
     */
    @WithDefault("15m")
    Duration orphanAfter();
}
