package io.balance.gateway.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The gateway's three rate limits, shared by all replicas ({@link SharedBuckets}): per identity with a token, per
 * address for public paths and for sign-in.
 */
@ApplicationScoped
public class RateLimits {
    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private final SharedBuckets authenticated;
    private final SharedBuckets publicPaths;
    private final SharedBuckets token;
    private final ProxyManager<String> store;
    private final ExecutorService loader;
    private final ScheduledExecutorService syncer;
    private final Duration syncInterval;
    private volatile long lastSyncMillis;

    public RateLimits(DataSource dataSource, RateLimitSettings settings) {
        this.syncInterval = settings.syncInterval();
        this.store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.loader = Executors.newFixedThreadPool(2, daemon("rate-limit-load"));
        this.syncer = Executors.newSingleThreadScheduledExecutor(daemon("rate-limit-sync"));
        Duration idle = Duration.ofMinutes(2);
        this.authenticated = new SharedBuckets("id:", settings.authenticatedPerMinute(), store, loader, idle);
        this.publicPaths = new SharedBuckets("public:", settings.publicPerMinute(), store, loader, idle);
        this.token = new SharedBuckets("token:", settings.tokenPerMinute(), store, loader, idle);
    }

    void start(@Observes StartupEvent event) {
        syncer.scheduleWithFixedDelay(this::sync, syncInterval.toMillis(), syncInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        syncer.shutdownNow();
        loader.shutdownNow();
    }

    private void sync() {
        try {
            long start = System.nanoTime();
            int synced = authenticated.syncAll() + publicPaths.syncAll() + token.syncAll();
            if (store instanceof io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner cleaner) {
                cleaner.removeExpired(1000);
            }
            lastSyncMillis = (System.nanoTime() - start) / 1_000_000;
            if (lastSyncMillis > syncInterval.toMillis()) {
                LOG.warnf("rate-limit sync of %d buckets took %d ms (interval %s)", synced, lastSyncMillis, syncInterval);
            }
        } catch (RuntimeException e) {
            LOG.warn("rate-limit sync failed; replicas count alone until the next pass", e);
        }
    }

    /** How long the last background pass took (ms): the whole cost of sharing, off the request path. */
    public long lastSyncMillis() {
        return lastSyncMillis;
    }

    public SharedBuckets authenticated() {
        return authenticated;
    }

    public SharedBuckets publicPaths() {
        return publicPaths;
    }

    public SharedBuckets token() {
        return token;
    }

    /** A second view of the same shared state, as another replica has it (tests). */
    public SharedBuckets replicaOf(String prefix, int perMinute) {
        return new SharedBuckets(prefix, perMinute, store, Runnable::run, Duration.ofMinutes(2));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
