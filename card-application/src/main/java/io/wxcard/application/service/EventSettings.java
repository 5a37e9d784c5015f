package io.wxcard.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How events move on.
 *
 * @param feedRetention        how long placed events stay readable in the change feed
 * @param webhookRetrySpan     how long a failing delivery is retried (at least 24 hours) before it is dead
 * @param allowHttpToLoopback  whether a webhook may be {@code http://} to a loopback address (the sandbox's demo and
 *                             tests; never in production unless the operator says so)
 * @param batchSize            events placed, or deliveries claimed, per round
 */
public record EventSettings(Duration feedRetention, Duration webhookRetrySpan, boolean allowHttpToLoopback,
                            int batchSize) {

    public static final Duration MIN_RETRY_SPAN = Duration.ofHours(24);

    public EventSettings {
        Objects.requireNonNull(feedRetention, "feed retention");
        Objects.requireNonNull(webhookRetrySpan, "webhook retry span");
        if (feedRetention.isNegative() || feedRetention.isZero()) {
            throw new IllegalArgumentException("the change feed's retention must be positive");
        }
        if (webhookRetrySpan.compareTo(MIN_RETRY_SPAN) < 0) {
            throw new IllegalArgumentException("webhook deliveries are retried for at least 24 hours");
        }
        if (feedRetention.compareTo(webhookRetrySpan) < 0) {
            throw new IllegalArgumentException("the change feed's retention must be at least the webhook retry span: "
                    + "a delivery still being retried needs its event");
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("the events' batch size is 1 to 1000");
        }
    }

    /** Seven days of feed, 24 hours of retries (three days when nothing says otherwise), https only. */
    public static EventSettings defaults() {
        return new EventSettings(Duration.ofDays(7), Duration.ofHours(72), false, 200);
    }

    public EventSettings withHttpToLoopback(boolean allowed) {
        return new EventSettings(feedRetention, webhookRetrySpan, allowed, batchSize);
    }
}
