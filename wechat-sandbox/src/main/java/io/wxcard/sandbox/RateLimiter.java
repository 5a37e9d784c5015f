package io.wxcard.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed one-second window per key (a merchant): at most {@code perSecond} requests in each second. */
final class RateLimiter {
    private final int perSecond;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>(); // key -> {second, count}

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Counts the request; false when the key is over its limit in the current second. */
    boolean tryAcquire(String key, long nowMillis) {
        if (perSecond <= 0) {
            return true;
        }
        long second = nowMillis / 1000;
        long[] window = windows.computeIfAbsent(key, k -> new long[] {second, 0});
        synchronized (window) {
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            return ++window[1] <= perSecond;
        }
    }

    void clear() {
        windows.clear();
    }
}
