package io.wxcard.sandbox;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long every Official Account and WeChat Pay answer waits before it leaves, as WeChat does over the internet
 * (tens of milliseconds). The wait is asynchronous ({@link Context#future}): a waiting call holds no server thread,
 * so hundreds of slow calls at once wait side by side instead of queueing behind each other.
 */
final class Latency {
    private final AtomicLong millis;
    private final Executor answers;

    Latency(Duration initial, Executor answers) {
        this.millis = new AtomicLong(initial.toMillis());
        this.answers = answers;
    }

    void set(Duration latency) {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive");
        }
        millis.set(latency.toMillis());
    }

    Duration get() {
        return Duration.ofMillis(millis.get());
    }

    /** Holds back the answer already set on {@code ctx} for the current latency; nothing when it is zero. */
    void delay(Context ctx) {
        long wait = millis.get();
        if (wait > 0) {
            Executor later = CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, answers);
            ctx.future(() -> CompletableFuture.runAsync(() -> { }, later));
        }
    }
}
