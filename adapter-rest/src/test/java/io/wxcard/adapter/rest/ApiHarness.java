package io.wxcard.adapter.rest;

import io.vavr.control.Option;
import io.wxcard.application.port.in.ManageTenantsUseCase.AddTenantCommand;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.ImportSettings;
import io.wxcard.application.port.out.MemberLevels;
import io.wxcard.application.port.out.wechat.WechatCardStatistics;
import io.wxcard.application.service.EngagementServices;
import io.wxcard.application.testing.InMemoryApplication;
import io.wxcard.application.testing.InMemoryCardStatisticsStore;
import io.wxcard.application.testing.InMemorySegmentStore;
import io.wxcard.application.testing.InMemoryStoreStore;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.application.testing.InMemoryWechat;
import io.wxcard.application.testing.InMemoryWechatImages;
import io.wxcard.application.testing.ScriptedPushDecoder;
import io.wxcard.application.testing.SequentialIds;
import io.wxcard.application.testing.TestClock;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The real application services over in-memory stores and an in-memory WeChat, behind the real HTTP API on a free
 * loopback port. One per test class (starting and stopping a server costs about a second); every test gets tenants
 * of its own through {@link #newMerchant()}, so tests do not see each other's cards.
 */
final class ApiHarness implements AutoCloseable {

    static final RestApi.Tuning TUNING = new RestApi.Tuning(Duration.ofSeconds(4), Duration.ofSeconds(10));

    private final InMemoryApplication application = new InMemoryApplication();
    final InMemoryStores stores = application.stores;
    final InMemoryWechat wechat = application.wechat;
    final InMemoryWechatImages images = application.images;
    final ScriptedPushDecoder decoder = application.decoder;
    final TestClock clock = application.clock;
    /** WeChat's pay-to-join rules and WeChat Pay activities, in memory (the campaign routes, issue 20). */
    final io.wxcard.application.testing.InMemoryWechatCampaigns wechatCampaigns = application.wechatCampaigns;
    final CardServices app;
    /** WeChat's pulled statistics and our own counted from these stores (issue 17); the statistics routes read it. */
    final InMemoryCardStatisticsStore statistics;
    private final EngagementServices engagement;
    /** WeChat's user tags and card messages, for the stores', segments' and card messages' routes. */
    final InMemoryEngagementWechat engagementWechat = new InMemoryEngagementWechat();
    final RestApi api;
    /** What bootstrap's thread owner hands the API for WeChat's pushes. */
    private final ExecutorService pushWorkers = Executors.newFixedThreadPool(4, work -> new Thread(work, PUSH_THREAD));
    static final String PUSH_THREAD = "harness-push";
    /** A client without an API key. */
    final Http anonymous;
    private final AtomicInteger tenants = new AtomicInteger();
    /** Asks for the loyalty routes (issue 17), wired onto this harness's application with WeChat's messages taken. */
    static final UnaryOperator<RestUseCases> WITH_LOYALTY = useCases -> useCases;
    /** The template messages the loyalty services sent, when wired. */
    final java.util.List<io.wxcard.application.port.out.wechat.TemplateMessage> templateMessages =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    ApiHarness() {
        this(useCases -> useCases, TUNING, () -> true, RestSettings.DEFAULT_MAX_BODY_BYTES);
    }

    ApiHarness(UnaryOperator<RestUseCases> customize, RestApi.Tuning tuning, BooleanSupplier databaseReady,
               long maxBodyBytes) {
        this(null, customize, tuning, databaseReady,
                new RestSettings("127.0.0.1", 0, maxBodyBytes, RestSettings.DEFAULT_MAX_IMPORT_BYTES));
    }

    /**
     * @param imports the import store, or null for the in-memory one (which checks every staged row against all the
     *                others, fine for tests, far too slow for hundreds of thousands of rows)
     */
    ApiHarness(ImportJobStore imports, UnaryOperator<RestUseCases> customize, RestApi.Tuning tuning,
               BooleanSupplier databaseReady, RestSettings settings) {
        app = imports == null ? application.app : application.builder().imports(imports).build();
        InMemoryStoreStore storeStore = new InMemoryStoreStore();
        statistics = new InMemoryCardStatisticsStore(stores.memberships(), stores.ledger(), storeStore);
        engagement = new EngagementServices(new EngagementServices.Dependencies(app, stores.tenants(), stores.cards(),
                stores.memberships(), storeStore, new InMemorySegmentStore(), statistics,
                MemberLevels.of(stores.standings()), engagementWechat, engagementWechat,
                notCalled(WechatCardStatistics.class), clock, new SequentialIds()));
        RestUseCases wired = customize.apply(useCases().withCampaigns(application.campaignServices().campaigns()));
        if (customize == WITH_LOYALTY) {
            var loyalty = app.loyalty(new io.wxcard.application.service.LoyaltyServices.LoyaltyDependencies(
                    stores.loyaltyPrograms(), stores.standings(), (account, message) -> {
                        templateMessages.add(message);
                        return io.vavr.control.Either.right((long) templateMessages.size());
                    }, 1000));
            wired = wired.withLoyalty(new LoyaltyUseCases(loyalty.configureLoyalty(), loyalty.recordPurchase(),
                    loyalty.memberLevels(), loyalty.loyaltyPeriods()));
        }
        api = RestApi.start(settings, wired, databaseReady, pushWorkers, tuning);
        anonymous = new Http(api.port(), null);
    }

    RestUseCases useCases() {
        return new RestUseCases(app.draftCard(), app.editCard(), app.submitCard(), app.setTestWhitelist(),
                app.configureActivationForm(), app.distributeCard(), app.deleteCard(), app.findCards(),
                app.activateMembership(), app.changeLedger(), app.invalidateMembership(), app.pullMemberInfo(),
                app.findMemberships(), app.importMembers(), app.acceptWechatPush(), app.authenticateApiKey(),
                app.uploadCardImage(), app.findMembers(), app.changeFeed(), app.manageWebhooks(),
                application.joiningOf(app).activationPages(),
                new RestPayUseCases(app.upgradeCardForWechatPay(), app.importMemberByPhone(),
                        app.acceptWechatPayNotification(), app.readWechatPayMembership()), app.applyLedgerBatch(), engagement.cardStatistics())
                .withEngagement(new EngagementUseCases(engagement.manageStores(), engagement.manageSegments(),
                        engagement.sendCardMessages()));
    }

    /**
     * A WeChat port the routes here never reach: reading statistics shows what was pulled and calls WeChat for
     * nothing, and pulling them is tested over the sandbox (adapter-wechat's EngagementOverSandboxTest).
     */
    private static <T> T notCalled(Class<T> port) {
        return port.cast(java.lang.reflect.Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "not called: " + port.getSimpleName()
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
                    }
                    throw new AssertionError(port.getSimpleName() + "." + method.getName() + " was called");
                }));
    }

    /** The routes the published document lists. */
    java.util.List<Route> routes() {
        return Route.of(anonymous.get("/openapi.json").json());
    }

    /** A new tenant with its API key and a client sending it. */
    Merchant newMerchant() {
        int n = tenants.incrementAndGet();
        TenantId id = new TenantId("tenant_" + n);
        String key = app.manageTenants().add(new AddTenantCommand(Option.of(id), "Tea House " + n,
                        new AppId("wx_tenant_" + n), Secret.of("appsecret-" + n), Secret.of("push-token"), Option.none(),
                        PushMode.PLAIN, Option.none(), Option.none()))
                .get().apiKey().reveal();
        return new Merchant(this, id, key, new Http(api.port(), key));
    }

    Http client(String apiKey) {
        return new Http(api.port(), apiKey);
    }

    /**
     * Everything the stores hold, for every tenant, as text: two equal states are the same data. What a refused
     * request must leave unchanged.
     */
    String state() {
        StringBuilder state = new StringBuilder();
        for (Tenant tenant : stores.tenants().list()) {
            state.append(tenant.id()).append(':').append(tenant.apiKeyHash()).append('\n');
            for (Card card : stores.cards().list(tenant.id(), Option.none(), new PageRequest(0, 200)).items()) {
                state.append(card.snapshot()).append('\n');
                for (Membership membership : stores.memberships().list(tenant.id(), card.id(), Option.none(),
                        new PageRequest(0, 200)).items()) {
                    state.append("  ").append(membership.snapshot()).append('\n');
                    stores.ledger().history(membership.key(), new PageRequest(0, 200)).items()
                            .forEach(entry -> state.append("    ").append(entry).append('\n'));
                }
            }
        }
        return state.append(stores.outbox().stats(clock.now())).toString();
    }

    @Override
    public void close() {
        api.close();
        pushWorkers.shutdownNow();
    }
}
