package io.balance.survey.response;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts events per key in fixed windows, estimating a sliding window from the current and the previous one
 * (the usual approximation of nginx and Cloudflare). In memory, per instance.
 */
public final class WindowCounter {
    private final long windowMillis;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        volatile long window;
        final AtomicInteger current = new AtomicInteger();
        volatile int previous;
    }

    public WindowCounter(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Records one event and returns the estimated number in the last window, this one included. */
    public int hit(String key, long nowMillis) {
        long window = nowMillis / windowMillis;
        Slot slot = slots.computeIfAbsent(key, k -> {
            Slot s = new Slot();
            s.window = window;
            return s;
        });
        synchronized (slot) {
            if (slot.window != window) {
                slot.previous = slot.window == window - 1 ? slot.current.get() : 0;
                slot.current.set(0);
                slot.window = window;
            }
        }
        int current = slot.current.incrementAndGet();
        double elapsed = (nowMillis % windowMillis) / (double) windowMillis;
        return current + (int) Math.floor(slot.previous * (1 - elapsed));
    }

    /** Drops keys not seen for two windows. */
    public void sweep(long nowMillis) {
        long window = nowMillis / windowMillis;
        slots.entrySet().removeIf(e -> e.getValue().window < window - 1);
    }

    public void clear() {
        slots.clear();
    }
}
