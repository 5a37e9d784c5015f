package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.AcceptWechatPushUseCase.PushOutcome;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.ImportSettings;
import io.wxcard.application.service.CampaignServices;
import io.wxcard.application.service.JoiningServices;
import io.wxcard.application.testing.InMemoryCampaignStore;
import io.wxcard.application.testing.InMemoryActivationSessionStore;
import io.wxcard.application.testing.InMemoryApplication;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.application.testing.SequentialIds;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import io.wxcard.sandbox.SandboxApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole application (in-memory stores) talking to the sandbox over HTTP through the real adapter, and receiving
 * the sandbox's pushes over HTTP: what a running instance does, with the background loops run by {@link #settle()}.
 */
final class ProductOverSandbox implements AutoCloseable {

    final SandboxFixture sandbox;
    final SandboxFixture.Account account;
    final InMemoryStores stores = new InMemoryStores();
    final CardServices app;
    final io.wxcard.application.testing.InMemoryStoreStore storeStore =
            new io.wxcard.application.testing.InMemoryStoreStore();
    final io.wxcard.application.testing.InMemorySegmentStore segmentStore =
            new io.wxcard.application.testing.InMemorySegmentStore();
    final io.wxcard.application.testing.InMemoryCardStatisticsStore statisticsStore;
    /** Issue 17's stores, segments, card messages and statistics over the same stores and adapter. */
    final io.wxcard.application.service.EngagementServices engagement;
    /** The activation pages (issue 20), over {@link #app} and the same WeChat adapter. */
    final JoiningServices joining;
    /** Gift-on-joining campaigns (issue 20), over the same stores and WeChat adapter; no card is upgraded. */
    final CampaignServices campaigns;
    final TenantId tenant = new TenantId("t" + SandboxFixture.shortId());
    private final HttpServer receiver;
    /** The adapter the application talks through, for ports wired on top of it (the loyalty services). */
    final WechatAdapter wechat;

    ProductOverSandbox(SandboxFixture sandbox) {
        this(sandbox, Clock.system());
    }

    /** With the application's own clock (the adapter keeps the system's: tokens expire in real time). */
    ProductOverSandbox(SandboxFixture sandbox, Clock appClock) {
        this.sandbox = sandbox;
        try {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver.createContext("/wechat/", exchange -> {
            PushOutcome outcome = services().acceptWechatPush().accept(tenant, new PushRequest(exchange.getRequestMethod(),
                    query(exchange.getRequestURI().getRawQuery()), exchange.getRequestBody().readAllBytes()));
            byte[] answer = "success".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(outcome instanceof PushOutcome.Accepted ? 200 : 503, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.createContext("/wechatpay/", exchange -> {
            var outcome = services().acceptWechatPayNotification().accept(
                    new io.wxcard.application.port.in.AcceptWechatPayNotificationUseCase.WechatPayNotification(tenant,
                            exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            byte[] answer = (outcome.isRight() ? "{\"code\":\"SUCCESS\",\"message\":\"OK\"}"
                    : "{\"code\":\"FAIL\",\"message\":\"refused\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(outcome.isRight() ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        account = sandbox.newAccount("http://127.0.0.1:" + receiver.getAddress().getPort() + "/wechat/" + tenant.value(),
                SandboxApp.PLAIN);
        wechat = WechatAdapter.create(sandbox.settings()
                // a whole product's flows on a shared 2-core machine: the first calls to a fresh sandbox can be slow
                .withReadTimeout(Duration.ofSeconds(20)).withCallDeadline(Duration.ofSeconds(30)),
                stores.tokens(), Clock.system());
        app = CardServices.builder().cards(stores.cards()).memberships(stores.memberships()).ledger(stores.ledger())
                .tenants(stores.tenants()).outbox(stores.outbox()).inbox(stores.processedPushes())
                .imports(stores.imports()).ledgerBatches(stores.ledgerBatches()).transactions(stores.transactions()).wechatCatalog(wechat.catalog())
                .wechatDistribution(wechat.distribution()).wechatMembers(wechat.members())
                .wechatImport(wechat.memberImport()).wechatImages(wechat.images()).pushDecoder(wechat.pushDecoder())
                .wechatPayUpgrade(wechat.payCardUpgrade()).wechatPayPhoneImport(wechat.payPhoneImport())
                .wechatPayNotifications(wechat.payNotifications()).wechatPayCallbacks(wechat.payCallbacks())
                .wechatPayMemberCards(wechat.payMemberCards())
                .clock(appClock).ids(new SequentialIds()).instanceName("test-" + tenant.value())
                .importSettings(ImportSettings.defaults()).importSenders(InMemoryApplication.IMPORT_SENDERS)
                .events(stores.events()).eventSettings(io.wxcard.application.service.EventSettings.defaults())
                .profiles(stores.profiles()).phoneImports(stores.phoneImports()).webhooks(stores.webhooks())
                .webhookSender(new io.wxcard.application.testing.RecordingWebhookSender())
                .webhookSenders(InMemoryApplication.IMPORT_SENDERS).stores(storeStore).build();
        statisticsStore = new io.wxcard.application.testing.InMemoryCardStatisticsStore(stores.memberships(),
                stores.ledger(), storeStore);
        engagement = new io.wxcard.application.service.EngagementServices(
                new io.wxcard.application.service.EngagementServices.Dependencies(app, stores.tenants(),
                        stores.cards(), stores.memberships(), storeStore, segmentStore, statisticsStore,
                        io.wxcard.application.port.out.MemberLevels.of(stores.standings()), wechat.userTags(), wechat.cardMessages(),
                        wechat.cardStatistics(), Clock.system(), new SequentialIds()));
        joining = new JoiningServices(new JoiningServices.Dependencies(app, new InMemoryActivationSessionStore(),
                stores.tenants(), stores.cards(), stores.memberships(), wechat.members(), Clock.system(),
                new SequentialIds()));
        campaigns = new CampaignServices(new CampaignServices.Dependencies(new InMemoryCampaignStore(),
                stores.imports(), wechat.campaigns(), stores.tenants(), stores.cards(),
                stores.memberships(), Clock.system(), new SequentialIds()));
        stores.tenants().save(new Tenant(tenant, "Tea House", account.account().appId(), Secret.of(account.secret()),
                Secret.of(account.token()), Option.none(), PushMode.PLAIN, Option.none(), "hash-" + tenant.value(),
                Instant.now()));
    }

    /** Where the sandbox is to send this tenant's WeChat Pay notifications. */
    java.net.URI payNotificationUrl() {
        return java.net.URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/wechatpay/"
                + tenant.value());
    }

    /** Gives the tenant the sandbox merchant's WeChat Pay credentials. */
    void withPayMerchant() {
        ok(app.manageTenants().replaceMerchant(tenant, sandbox.merchant(account)));
    }

    static <T> T ok(Either<Failure, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result).isTrue();
        return result.get();
    }

    /** A card created on WeChat and approved there (its card_pass_check push applied). */
    Card approvedCard(MemberCardDefinition definition) {
        Card drafted = ok(app.draftCard().draft(new DraftCardCommand(tenant, definition)));
        Card submitted = ok(app.submitCard().submit(tenant, drafted.id()));
        new SandboxControl(sandbox).review(submitted.wechatCardId().get(), true);
        settle();
        return app.findCards().card(tenant, drafted.id()).get();
    }

    /** A member receives the card on WeChat (the control API plays them); the push is applied. */
    Membership received(Card card, String openId) {
        var code = new SandboxControl(sandbox).handOut(card.wechatCardId().get(), new io.wxcard.domain.membership.OpenId(openId));
        settle();
        return ok(app.findMemberships().membership(new io.wxcard.domain.membership.MembershipKey(tenant, card.id(), code)));
    }

    /**
     * Runs the outbox dispatcher and the push inbox's worker until neither has had anything to do for a second (the
     * sandbox pushes asynchronously, so a quiet moment is waited for), within 60 s.
     */
    void settle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < Duration.ofSeconds(1).toNanos()) {
            assertThat(System.nanoTime()).as("the product and the sandbox did not settle within 60 s").isLessThan(deadline);
            int work = app.dispatchOutbox().dispatchDue(50).claimed() + app.applyWechatPushes().applyDue(50).claimed();
            if (work > 0) {
                quietSince = System.nanoTime();
            } else {
                sleep(50);
            }
        }
    }

    private CardServices services() {
        return app;
    }

    /** What applying each push said (the inbox's outcome), in arrival order. */
    java.util.List<String> inboxOutcomes(io.wxcard.application.port.out.store.InboxMessage.State state) {
        return stores.inboxOutcomes(state);
    }

    int updateuserCalls() {
        return sandbox.calls("/card/membercard/updateuser", account.appId()).size();
    }

    long ledgerEntries(Membership membership) {
        return stores.ledger().history(membership.key(), PageRequest.first(1)).total();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        receiver.stop(0);
    }
}
