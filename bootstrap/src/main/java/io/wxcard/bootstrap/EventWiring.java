package io.wxcard.bootstrap;

import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.adapter.webhook.WebhookSenderSettings;
import io.wxcard.adapter.webhook.Webhooks;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EventSettings;
import java.time.Duration;

/** What the events going out need (issue 15), from the settings: the stores, the webhook sender and its threads. */
final class EventWiring {

    /** Webhook posts in flight at once, per instance. */
    static final int WEBHOOK_SENDERS = 16;

    private EventWiring() {}

    static CardServices.EventDependencies dependencies(Persistence persistence, Settings settings, Threads threads) {
        Settings.EventOptions options = settings.events();
        EventSettings events = new EventSettings(Duration.ofDays(options.feedRetentionDays()),
                EventSettings.defaults().webhookRetrySpan(), options.webhookHttpToLoopback(),
                EventSettings.defaults().batchSize());
        var sender = Webhooks.sender(WebhookSenderSettings.defaults(threads.pool("webhook-client", 4))
                .withLoopback(options.webhookHttpToLoopback())
                .withPrivateNetworks(options.webhookPrivateNetworks()));
        return new CardServices.EventDependencies(persistence.events(), persistence.profiles(), persistence.webhooks(),
                sender, events, threads.pool("webhook-sender", WEBHOOK_SENDERS));
    }
}
