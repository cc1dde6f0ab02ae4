package io.balance.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/**
 * Rate limits (429 with Retry-After), balance.rate-limit.*: token buckets refilled per minute, shared by all replicas
 * through PostgreSQL; each replica syncs its copies every sync-interval, off the request path.
 */
@ConfigMapping(prefix = "balance.rate-limit")
public interface RateLimitSettings {
    /** Per identity, for requests with a token. */
    @WithName("authenticated.per-minute")
    @WithDefault("1200")
    int authenticatedPerMinute();

    /** Per address, for public paths. */
    @WithName("public.per-minute")
    @WithDefault("120")
    int publicPerMinute();

    /** Per address, for sign-in (POST /api/v1/auth/token). */
    @WithName("token.per-minute")
    @WithDefault("30")
    int tokenPerMinute();

    @WithDefault("500ms")
    Duration syncInterval();
}
