package io.balance.survey.response;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key over a true sliding window (a log of timestamps), exact up to {@code cap}: beyond it
 * the count stays at {@code cap}, which is all a limit needs to know, so memory per key is bounded. An
 * estimated window (current + weighted previous fixed window) was tried first and under-counted a burst that
 * straddled a minute boundary. In memory, per instance.
 */
public final class WindowCounter {
    private final long windowMillis;
    private final int cap;
    private final Map<String, ArrayDeque<Long>> logs = new ConcurrentHashMap<>();

    /**
     * @param cap the largest count that must be reported exactly (a limit + 1)
     */
    public WindowCounter(long windowMillis, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1");
        }
        this.windowMillis = windowMillis;
        this.cap = cap;
    }

    /** Records one event and returns how many fell in the last window, this one included (at most cap). */
    public int hit(String key, long nowMillis) {
        int[] count = new int[1];
        // compute() runs atomically per key, also against sweep(): no event lands in a dropped log
        logs.compute(key, (k, log) -> {
            ArrayDeque<Long> l = log == null ? new ArrayDeque<>() : log;
            trim(l, nowMillis);
            if (l.size() == cap) {
                l.pollFirst();
            }
            l.addLast(nowMillis);
            count[0] = l.size();
            return l;
        });
        return count[0];
    }

    private void trim(ArrayDeque<Long> log, long nowMillis) {
        long from = nowMillis - windowMillis;
        while (!log.isEmpty() && log.peekFirst() <= from) {
            log.pollFirst();
        }
    }

    /** Drops keys with nothing in the window. */
    public void sweep(long nowMillis) {
        for (String key : logs.keySet()) {
            logs.computeIfPresent(key, (k, log) -> {
                trim(log, nowMillis);
                return log.isEmpty() ? null : log;
            });
        }
    }

    public void clear() {
        logs.clear();
    }
}
