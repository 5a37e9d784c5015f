package io.wxcard.bootstrap;

import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.adapter.wechat.WechatAdapter;
import io.wxcard.adapter.wechat.WechatThreads;
import io.wxcard.adapter.webhook.WebhookSenderSettings;
import io.wxcard.adapter.webhook.Webhooks;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.MemberLevels;
import io.wxcard.application.service.CampaignServices;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EngagementServices;
import io.wxcard.application.service.EventSettings;
import io.wxcard.application.service.ImportSettings;
import java.time.Duration;

/**
 * The application over the database and WeChat, from the settings: the same for the service and the admin commands.
 * Every thread it is handed comes from {@link Threads}.
 */
final class ApplicationWiring {

    /** Webhook posts in flight at once, per instance. */
    private static final int WEBHOOK_SENDERS = 16;

    private ApplicationWiring() {}

    /** WeChat's HTTP client work, and its asynchronous calls in flight at once (the outbox's lanes). */
    static WechatThreads wechatThreads(Threads threads) {
        return new WechatThreads(threads.pool("wechat-http", 4),
                threads.pool("wechat-call", WechatThreads.DEFAULT_CALLS));
    }

    static CardServices cardServices(Persistence persistence, WechatAdapter wechat, Settings settings, Threads threads,
                                     Clock clock, String instanceName) {
        ImportSettings imports = ImportSettings.defaults().withRatePerSecond(settings.importRatePerSecond())
                .withConcurrency(settings.importConcurrency());
        Settings.EventOptions options = settings.events();
        EventSettings events = new EventSettings(Duration.ofDays(options.feedRetentionDays()),
                EventSettings.defaults().webhookRetrySpan(), options.webhookHttpToLoopback(),
                EventSettings.defaults().batchSize());
        var sender = Webhooks.sender(WebhookSenderSettings.defaults(threads.pool("webhook-client", 4))
                .withLoopback(options.webhookHttpToLoopback())
                .withPrivateNetworks(options.webhookPrivateNetworks()));
        return CardServices.builder().with(persistence::storesOf).with(wechat::portsOf).clock(clock)
                .ids(IdGenerator.random()).instanceName(instanceName)
                .importSettings(imports).importSenders(threads.pool("import-sender", imports.concurrency()))
                .eventSettings(events).webhookSender(sender)
                .webhookSenders(threads.pool("webhook-sender", WEBHOOK_SENDERS))
                .ledgerGroups(settings.ledgerGroups(), settings.ledgerGroups().enabled()
                        ? threads.pool("ledger-group", settings.ledgerGroups().lanes()) : null).build();
    }

    /**
     * Issue 17's stores, segments, card messages and statistics. Segments on a level read the members' levels from
     * the loyalty standings.
     */
    static EngagementServices engagement(CardServices services, Persistence persistence, WechatAdapter wechat,
                                         Clock clock) {
        return new EngagementServices(new EngagementServices.Dependencies(services, persistence.tenants(),
                persistence.cards(), persistence.memberships(), persistence.stores(), persistence.segments(),
                persistence.statistics(), MemberLevels.of(persistence.standings()), wechat.userTags(),
                wechat.cardMessages(), wechat.cardStatistics(), clock, IdGenerator.random()));
    }

    /** Gift-on-joining campaigns (issue 20 item 3): the service's routes and the CLI's {@code campaigns}. */
    static CampaignServices campaigns(Persistence persistence, WechatAdapter wechat, Clock clock) {
        return new CampaignServices(new CampaignServices.Dependencies(persistence.campaigns(), persistence.imports(),
                wechat.campaigns(), persistence.tenants(), persistence.cards(), persistence.memberships(), clock,
                IdGenerator.random(), persistence.campaignJoins()));
    }
}
