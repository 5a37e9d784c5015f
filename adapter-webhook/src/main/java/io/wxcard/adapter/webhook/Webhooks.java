package io.wxcard.adapter.webhook;

import io.wxcard.application.port.out.events.WebhookSender;

/** The webhook adapter's entry point: the {@link WebhookSender} over the JDK's HTTP client. */
public final class Webhooks {

    private Webhooks() {}

    public static WebhookSender sender(WebhookSenderSettings settings) {
        return new JdkWebhookSender(settings, new AddressCheck(settings.allowLoopback(), settings.allowPrivateNetworks()));
    }
}
