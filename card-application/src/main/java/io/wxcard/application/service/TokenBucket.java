package io.wxcard.application.service;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A rate limit: at most {@code ratePerSecond} permits a second on average, bursts up to one second's worth. Callers
 * wait for a permit; a {@link #pause} (WeChat said "too many requests") holds everyone back for a while.
 */
final class TokenBucket {

    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private long lastRefillNanos;
    private long pausedUntilNanos;

    TokenBucket(double ratePerSecond) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("a rate limit must be positive, got " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.tokens = 1;
        this.lastRefillNanos = System.nanoTime();
    }

    /** Waits until a permit is free, then takes it. */
    void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                refill(now);
                if (now < pausedUntilNanos) {
                    waitNanos = pausedUntilNanos - now;
                } else if (tokens >= 1) {
                    tokens -= 1;
                    return;
                } else {
                    waitNanos = (long) ((1 - tokens) / ratePerSecond * 1_000_000_000L);
                }
            }
            LockSupport.parkNanos(waitNanos);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the rate limit");
            }
        }
    }

    /** Holds every caller back for {@code duration}. */
    synchronized void pause(Duration duration) {
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + duration.toNanos());
        tokens = 0;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefillNanos) / 1_000_000_000.0 * ratePerSecond);
        lastRefillNanos = now;
    }
}
