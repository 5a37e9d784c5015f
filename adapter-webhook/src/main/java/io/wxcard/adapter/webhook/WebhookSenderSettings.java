package io.wxcard.adapter.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How webhook posts are made.
 *
 * @param requestTimeout       how long a receiver may take to answer (a slow one is retried later)
 * @param allowLoopback        whether a URL may resolve to a loopback address (the sandbox's demo, tests)
 * @param allowPrivateNetworks whether it may resolve to a private (RFC 1918 / unique-local) address: an ERP on the
 *                             merchant's intranet; off by default, since it lets a tenant reach this host's neighbours
 * @param executor             the threads the HTTP client runs on (bootstrap's)
 */
public record WebhookSenderSettings(Duration connectTimeout, Duration requestTimeout, boolean allowLoopback,
                                    boolean allowPrivateNetworks, Executor executor) {
    public WebhookSenderSettings {
        Objects.requireNonNull(connectTimeout, "connect timeout");
        Objects.requireNonNull(requestTimeout, "request timeout");
        Objects.requireNonNull(executor, "executor");
    }

    /** Three seconds to connect, ten to answer; public addresses only. */
    public static WebhookSenderSettings defaults(Executor executor) {
        return new WebhookSenderSettings(Duration.ofSeconds(3), Duration.ofSeconds(10), false, false, executor);
    }

    public WebhookSenderSettings withLoopback(boolean allowed) {
        return new WebhookSenderSettings(connectTimeout, requestTimeout, allowed, allowPrivateNetworks, executor);
    }

    public WebhookSenderSettings withPrivateNetworks(boolean allowed) {
        return new WebhookSenderSettings(connectTimeout, requestTimeout, allowLoopback, allowed, executor);
    }
}
