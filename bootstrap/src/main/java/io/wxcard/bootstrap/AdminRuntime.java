package io.wxcard.bootstrap;

import io.wxcard.adapter.persistence.DatabaseSettings;
import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.adapter.wechat.WechatAdapter;
import io.wxcard.adapter.wechat.WechatSettings;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.service.CampaignServices;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EngagementServices;

/**
 * The application over the configured database, for administrative commands run beside (or instead of) the service:
 * no HTTP API, no background loops, no sandbox of its own (with CARD_SANDBOX on it calls the service's).
 */
final class AdminRuntime implements AutoCloseable {

    private final Persistence persistence;
    private final Threads threads = new Threads();
    final CardServices services;
    /** Issue 17's engagement: the CLI's statistics. */
    final EngagementServices engagement;
    /** Issue 20's campaigns: the CLI's {@code campaigns}. */
    final CampaignServices campaigns;

    AdminRuntime(Settings settings) {
        persistence = Persistence.start(new DatabaseSettings(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), 2));
        // With the sandbox on, the running service's embedded sandbox is the WeChat its tenants live in.
        String sandbox = "http://127.0.0.1:" + settings.sandboxPort();
        String wechatApi = settings.sandbox() && settings.wechatApiBase().equals(Settings.REAL_WECHAT_API)
                ? sandbox : settings.wechatApiBase();
        String payApi = settings.sandbox() && settings.wechatPayApiBase().equals(Settings.REAL_WECHATPAY_API)
                ? sandbox : settings.wechatPayApiBase();
        WechatAdapter wechat = WechatAdapter.create(WechatSettings.defaults().withApiBaseUrl(wechatApi)
                .withPayApiBaseUrl(payApi).withUseStableToken(settings.wechatStableToken())
                .withInstanceId(settings.instanceId() + "-admin"),
                persistence.tokens(), Clock.system(), ApplicationWiring.wechatThreads(threads));
        services = ApplicationWiring.cardServices(persistence, wechat, settings, threads, Clock.system(),
                settings.instanceId() + "-admin");
        engagement = ApplicationWiring.engagement(services, persistence, wechat, Clock.system());
        campaigns = ApplicationWiring.campaigns(persistence, wechat, Clock.system());
    }

    @Override
    public void close() {
        threads.close();
        persistence.close();
    }
}
