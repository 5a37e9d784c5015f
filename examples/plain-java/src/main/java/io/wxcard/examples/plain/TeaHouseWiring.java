package io.wxcard.examples.plain;

import io.wxcard.adapter.persistence.DatabaseSettings;
import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.adapter.wechat.WechatAdapter;
import io.wxcard.adapter.wechat.WechatSettings;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.adapter.webhook.WebhookSenderSettings;
import io.wxcard.adapter.webhook.Webhooks;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EventSettings;
import io.wxcard.application.service.ImportSettings;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * wxcard wired by hand, the way a team without a framework embeds it: wxcard's Jdbi stores on a database, the WeChat
 * adapter, and one port of the team's own (its tenant store over its own table). Close it to stop the threads it
 * made and the database pool.
 */
public final class TeaHouseWiring implements AutoCloseable {

    public final CardServices services;
    private final Persistence persistence;
    private final ExecutorService importSenders;

    public TeaHouseWiring(DatabaseSettings database, String wechatBaseUrl, TenantStore tenants, String instanceName) {
        persistence = Persistence.start(database); // opens the pool and migrates wxcard's tables
        Clock clock = Clock.system();
        WechatAdapter wechat = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(wechatBaseUrl)
                .withInstanceId(instanceName), persistence.tokens(), clock);
        ImportSettings imports = ImportSettings.defaults();
        importSenders = Executors.newFixedThreadPool(imports.concurrency());
        services = CardServices.builder().with(persistence::storesOf).tenants(tenants).with(wechat::portsOf)
                .clock(clock).ids(IdGenerator.random()).instanceName(instanceName)
                .importSettings(imports).importSenders(importSenders)
                // The events going out; webhooks post to public https addresses only.
                .eventSettings(EventSettings.defaults()).webhookSenders(importSenders)
                .webhookSender(Webhooks.sender(WebhookSenderSettings.defaults(importSenders))).build();
    }

    @Override
    public void close() {
        importSenders.shutdown();
        persistence.close();
    }
}
