package io.balance.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (令牌桶) per key: {@code perMinute} requests a minute with bursts up to the same number. Time is
 * passed in (nanoseconds), so the arithmetic is a pure function of the calls made.
 */
public final class TokenBuckets {
    private final double capacity;
    private final double tokensPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }
    }

    public TokenBuckets(int perMinute) {
        this.capacity = Math.max(1, perMinute);
        this.tokensPerNano = capacity / 60_000_000_000d;
    }

    /** 0 if the request may proceed (a token is taken), else the seconds until one is available (>= 1). */
    public long tryAcquire(String key, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos));
        synchronized (bucket) {
            refill(bucket, nowNanos);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missing = 1 - bucket.tokens;
            return Math.max(1, (long) Math.ceil(missing / tokensPerNano / 1_000_000_000d));
        }
    }

    /** Forgets buckets that are full again (idle keys), so memory stays bounded by active callers. */
    public void evictIdle(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                refill(e.getValue(), nowNanos);
                return e.getValue().tokens >= capacity;
            }
        });
    }

    public int size() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = now - bucket.updatedAt;
        if (elapsed > 0) {
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * tokensPerNano);
            bucket.updatedAt = now;
        }
    }
}
