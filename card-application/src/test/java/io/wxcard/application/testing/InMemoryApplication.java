package io.wxcard.application.testing;

import io.wxcard.application.port.out.events.WebhookSender;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.CardServicesBuilder;
import io.wxcard.application.service.EventSettings;
import io.wxcard.application.service.ImportSettings;
import io.wxcard.application.service.CampaignServices;
import io.wxcard.application.service.JoiningServices;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole application on in-memory stores and an in-memory WeChat, for the tests of the services and of the inbound
 * adapters (which then test their own layer against the real use cases, not against mocks).
 */
public final class InMemoryApplication {
    public final InMemoryStores stores = new InMemoryStores();
    public final InMemoryWechat wechat = new InMemoryWechat();
    public final InMemoryWechatImages images = new InMemoryWechatImages();
    public final ScriptedPushDecoder decoder = new ScriptedPushDecoder();
    public final TestClock clock = new TestClock(Fixtures.T0);
    public final RecordingWebhookSender webhookReceiver = new RecordingWebhookSender();
    /** Where webhooks are posted: {@link #webhookReceiver} unless a test gives the real sender. */
    private final WebhookSender webhookSender;
    private final ImportSettings importSettings;
    public final CardServices app;
    public final InMemoryActivationSessionStore activationSessions = new InMemoryActivationSessionStore();
    public final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    public final InMemoryWechatCampaigns wechatCampaigns = new InMemoryWechatCampaigns();
    /** The activation pages and campaigns (issue 20), on the same stores and WeChat. */
    public final JoiningServices joining;

    /** Import senders for tests: daemon threads, as many as a test asks for at once, shared by every test. */
    public static final ExecutorService IMPORT_SENDERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-import-sender");
        thread.setDaemon(true);
        return thread;
    });

    /** Where pushes kept in the inbox are applied when {@link #applyingPushesInBackground()}: daemon threads. */
    private static final ExecutorService PUSH_WORKERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-push-worker");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Applies every push the inbox keeps at once, in the background, as a running instance's worker would: for the
     * tests of inbound adapters, which see the effects of a push shortly after its answer.
     */
    public InMemoryApplication() {
        this(ImportSettings.defaults().withRatePerSecond(10_000), true);
    }

    /** Applies pushes on request, and posts webhooks with {@code sender} (the real one, in its adapter's tests). */
    public static InMemoryApplication postingWebhooksWith(WebhookSender sender) {
        return new InMemoryApplication(ImportSettings.defaults().withRatePerSecond(10_000), false, sender);
    }

    /** Applies pushes only when a test calls {@link #applyPushes()}. */
    public static InMemoryApplication applyingPushesOnRequest() {
        return new InMemoryApplication(ImportSettings.defaults().withRatePerSecond(10_000), false);
    }

    public InMemoryApplication(ImportSettings importSettings) {
        this(importSettings, true);
    }

    private InMemoryApplication(ImportSettings importSettings, boolean applyingPushesInBackground) {
        this(importSettings, applyingPushesInBackground, null);
    }

    private InMemoryApplication(ImportSettings importSettings, boolean applyingPushesInBackground,
                                WebhookSender sender) {
        this.webhookSender = sender == null ? webhookReceiver : sender;
        this.importSettings = importSettings;
        this.app = builder().build();
        this.joining = joiningOf(app);
        if (applyingPushesInBackground) {
            stores.onPushKept(() -> PUSH_WORKERS.execute(this::applyPushes));
        }
    }

    /** Activation pages and campaigns over {@code services} (this application's, or one built on its stores). */
    public JoiningServices joiningOf(CardServices services) {
        return new JoiningServices(new JoiningServices.Dependencies(services, activationSessions, stores.tenants(),
                stores.cards(), stores.memberships(), wechat, clock, new SequentialIds()));
    }

    /** Gift-on-joining campaigns over this application's stores, with WeChat's side in memory. */
    public CampaignServices campaignServices() {
        return new CampaignServices(new CampaignServices.Dependencies(campaigns, stores.imports(), wechatCampaigns,
                stores.tenants(), stores.cards(), stores.memberships(), clock, new SequentialIds()));
    }

    /**
     * The ports of this application, for a second instance on the same stores: each call starts with fresh ids, so
     * a test replaces the instance name at least.
     */
    public CardServicesBuilder builder() {
        return CardServices.builder().cards(stores.cards()).memberships(stores.memberships()).ledger(stores.ledger())
                .tenants(stores.tenants()).outbox(stores.outbox()).inbox(stores.processedPushes())
                .imports(stores.imports()).ledgerBatches(stores.ledgerBatches()).transactions(stores.transactions())
                .wechatCatalog(wechat).wechatDistribution(wechat).wechatMembers(wechat).wechatImport(wechat)
                .wechatImages(images).pushDecoder(decoder).clock(clock).ids(new SequentialIds())
                .wechatPayUpgrade(wechat).wechatPayPhoneImport(wechat).wechatPayNotifications(wechat)
                .wechatPayCallbacks(wechat).wechatPayMemberCards(wechat)
                .instanceName("test-instance").importSettings(importSettings).importSenders(IMPORT_SENDERS)
                .events(stores.events()).eventSettings(EventSettings.defaults().withHttpToLoopback(true))
                .profiles(stores.profiles()).phoneImports(stores.phoneImports()).webhooks(stores.webhooks()).webhookSender(webhookSender)
                .webhookSenders(IMPORT_SENDERS);
    }

    /** Applies the pushes the inbox keeps until none is due; answers how many were claimed. */
    public int applyPushes() {
        int claimed = 0;
        for (int batch = app.applyWechatPushes().applyDue(100).claimed(); batch > 0;
             batch = app.applyWechatPushes().applyDue(100).claimed()) {
            claimed += batch;
        }
        return claimed;
    }
}
