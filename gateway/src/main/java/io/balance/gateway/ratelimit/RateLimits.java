package io.balance.gateway.ratelimit;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The gateway's three rate limits: per identity with a token, per address for public paths and for sign-in. */
@ApplicationScoped
public class RateLimits {
    private final TokenBuckets authenticated;
    private final TokenBuckets publicPaths;
    private final TokenBuckets token;

    public RateLimits(@ConfigProperty(name = "balance.rate-limit.authenticated.per-minute") int authenticated,
                      @ConfigProperty(name = "balance.rate-limit.public.per-minute") int publicPaths,
                      @ConfigProperty(name = "balance.rate-limit.token.per-minute") int token) {
        this.authenticated = new TokenBuckets(authenticated);
        this.publicPaths = new TokenBuckets(publicPaths);
        this.token = new TokenBuckets(token);
    }

    void evictPeriodically(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(60_000, id -> {
            long now = System.nanoTime();
            authenticated.evictIdle(now);
            publicPaths.evictIdle(now);
            token.evictIdle(now);
        });
    }

    public TokenBuckets authenticated() {
        return authenticated;
    }

    public TokenBuckets publicPaths() {
        return publicPaths;
    }

    public TokenBuckets token() {
        return token;
    }
}
