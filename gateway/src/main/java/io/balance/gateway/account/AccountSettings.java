package io.balance.gateway.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Account lifecycle settings (balance.accounts.*). */
@ConfigMapping(prefix = "balance.accounts")
public interface AccountSettings {
    /** How long a rotated client secret keeps working beside the new one. */
    @WithDefault("24h")
    Duration clientSecretOverlap();

    /** How often each replica reloads the revocation list (how long a revocation takes to reach every replica). */
    @WithDefault("2s")
    Duration revocationRefresh();
}
