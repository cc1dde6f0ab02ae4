package io.balance.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.manual.ManuallySyncingOptimization;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Token buckets (令牌桶) per key, {@code perMinute} requests a minute with bursts up to the same number, shared by
 * every gateway replica through Bucket4j's PostgreSQL store. A request never waits for the database: it consumes from
 * the replica's copy of the bucket ({@link ManuallySyncingOptimization}), and copies are synchronised with the shared
 * state in the background every sync interval ({@link #syncAll}). While a key's shared bucket loads, a provisional
 * local bucket counts for it, and what it let through is charged to the shared one once loaded. So across N
 * replicas a key gets at most its limit plus what N replicas let through in one sync interval.
 */
public final class SharedBuckets {
    private final String prefix;
    private final ProxyManager<String> store;
    private final BucketConfiguration configuration;
    private final Executor loader;
    private final Duration idleAfter;
    private final ConcurrentHashMap<String, Local> local = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Bucket> provisional = new ConcurrentHashMap<>();
    private final long capacity;

    private static final class Local {
        final BucketProxy bucket;
        volatile long lastUsedNanos;
        volatile long usedSinceSync;

        Local(BucketProxy bucket) {
            this.bucket = bucket;
            this.lastUsedNanos = System.nanoTime();
        }
    }

    public SharedBuckets(String prefix, int perMinute, ProxyManager<String> store, Executor loader, Duration idleAfter) {
        this.prefix = prefix;
        this.store = store;
        this.loader = loader;
        this.idleAfter = idleAfter;
        int capacity = Math.max(1, perMinute);
        this.capacity = capacity;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1)))
                .build();
    }

    /** 0 if the request may proceed (a token is taken), else the seconds until one is available (>= 1). */
    public long tryAcquire(String key) {
        Local bucket = local.get(key);
        ConsumptionProbe probe;
        if (bucket == null) {
            Bucket meanwhile = provisional.get(key);
            if (meanwhile == null) {
                Bucket fresh = Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
                meanwhile = provisional.putIfAbsent(key, fresh);
                if (meanwhile == null) {
                    meanwhile = fresh;
                    loader.execute(() -> load(key));
                }
            }
            probe = meanwhile.tryConsumeAndReturnRemaining(1);
        } else {
            bucket.lastUsedNanos = System.nanoTime();
            bucket.usedSinceSync++;
            probe = bucket.bucket.tryConsumeAndReturnRemaining(1);
        }
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    private void load(String key) {
        try {
            BucketProxy bucket = store.builder().withOptimization(new ManuallySyncingOptimization())
                    .build(prefix + key, () -> configuration);
            bucket.getOptimizationController().syncImmediately();
            Bucket meanwhile = provisional.get(key);
            Local loaded = new Local(bucket);
            if (meanwhile != null) {
                long used = capacity - meanwhile.getAvailableTokens();
                if (used > 0) {
                    bucket.consumeIgnoringRateLimits(used); // charged to the shared bucket at the next sync
                    loaded.usedSinceSync = used;
                }
            }
            local.put(key, loaded);
        } finally {
            provisional.remove(key);
        }
    }

    /** Brings every copy used since the last pass in line with the shared state; forgets idle keys. Blocking. */
    public int syncAll() {
        long now = System.nanoTime();
        int synced = 0;
        for (var entry : local.entrySet()) {
            Local bucket = entry.getValue();
            if (bucket.usedSinceSync > 0) {
                bucket.usedSinceSync = 0;
                bucket.bucket.getOptimizationController().syncImmediately();
                synced++;
            } else if (now - bucket.lastUsedNanos > idleAfter.toNanos()) {
                local.remove(entry.getKey());
            }
        }
        return synced;
    }

    public int size() {
        return local.size();
    }
}
