package io.wxcard.adapter.wechat;

import java.time.Duration;

/** When a caller stops waiting, on the monotonic clock: token refresh, attempts and back-off all count against it. */
final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean allows(Duration duration) {
        return Math.max(0, endNanos - System.nanoTime()) >= duration.toNanos();
    }
}
