package io.wxcard.bootstrap;

import io.wxcard.adapter.console.ConsolePlugin;
import io.wxcard.adapter.console.ConsoleSettings;
import io.wxcard.adapter.console.ConsoleUseCases;
import io.wxcard.adapter.persistence.DatabaseSettings;
import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.adapter.rest.EngagementUseCases;
import io.wxcard.adapter.rest.LoyaltyUseCases;
import io.wxcard.application.service.LoyaltyServices;
import io.wxcard.adapter.rest.RestApi;
import io.wxcard.adapter.rest.RestPayUseCases;
import io.wxcard.adapter.rest.RestSettings;
import io.wxcard.adapter.rest.RestUseCases;
import io.wxcard.adapter.wechat.WechatAdapter;
import io.wxcard.adapter.wechat.WechatSettings;
import io.wxcard.application.port.in.ManageOperatorsUseCase.FirstAdmin;
import io.wxcard.application.port.in.ManageTenantsUseCase.IssuedKey;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.InboxMessage;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EngagementServices;
import io.wxcard.application.service.ImportSettings;
import io.wxcard.application.service.InstanceLoops;
import io.wxcard.application.service.JoiningServices;
import io.wxcard.application.service.OperatorServices;
import io.wxcard.sandbox.SandboxSettings;
import io.wxcard.sandbox.WechatSandbox;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product, wired by hand: the database, WeChat (the built-in sandbox, or the real one), the application, the HTTP
 * API and the background loops. {@link #close()} takes them down in the reverse order: the HTTP API first (in-flight
 * requests finish), then the loops (work in hand finishes), then WeChat and the database.
 */
final class ServiceRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);
    /** WeChat's pushes handled at once: each is verified and kept with one insert, so a few threads keep up. */
    private static final int PUSH_WORKERS = 16;
    /** Template messages per second per account (issue 17): a burst of changes does not spend the daily quota at once. */
    private static final double TEMPLATE_MESSAGES_PER_SECOND = 10;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Persistence persistence;
    private final CardServices services;
    private final RestApi rest;
    private final Optional<WechatSandbox> sandbox;
    private final Optional<IssuedKey> demoKey;
    private final Optional<FirstAdmin> firstAdmin;

    private ServiceRuntime(Settings settings) {
        Threads threads = new Threads();
        // Start-up is mostly class loading and first use of each library, so independent parts start side by side:
        // the sandbox on its own thread while the database is opened and migrated, and later the demo tenant while
        // the HTTP server starts. Readiness waits for all of them.
        ExecutorService startup = threads.pool("startup", 2);
        CompletableFuture<Optional<WechatSandbox>> sandboxStart = CompletableFuture.supplyAsync(
                () -> settings.sandbox() ? Optional.of(startSandbox(settings)) : Optional.empty(), startup);
        try {
            try {
                persistence = Persistence.start(new DatabaseSettings(settings.dbUrl(), settings.dbUser(),
                        settings.dbPassword(), settings.dbPoolSize()));
                toClose.add(persistence);
            } catch (RuntimeException databaseFailed) {
                // The database's failure is the one reported; a sandbox that started meanwhile is stopped with the rest.
                try {
                    started(sandboxStart).ifPresent(toClose::add);
                } catch (RuntimeException sandboxFailed) {
                    databaseFailed.addSuppressed(sandboxFailed);
                }
                throw databaseFailed;
            }
            sandbox = started(sandboxStart);
            sandbox.ifPresent(toClose::add);
            toClose.add(threads); // closed after the loops that feed its pools, before WeChat and the database
            String wechatApi = sandbox.map(WechatSandbox::baseUrl).filter(url -> settings.wechatApiBase().equals(Settings.REAL_WECHAT_API))
                    .orElse(settings.wechatApiBase());
            String payApi = sandbox.map(WechatSandbox::baseUrl).filter(url -> settings.wechatPayApiBase().equals(Settings.REAL_WECHATPAY_API))
                    .orElse(settings.wechatPayApiBase());
            Clock clock = Clock.system();
            WechatAdapter wechat = WechatAdapter.create(WechatSettings.defaults().withApiBaseUrl(wechatApi)
                    .withPayApiBaseUrl(payApi).withUseStableToken(settings.wechatStableToken())
                    .withInstanceId(settings.instanceId()), persistence.tokens(), clock,
                    ApplicationWiring.wechatThreads(threads));
            services = ApplicationWiring.cardServices(persistence, wechat, settings, threads, clock, settings.instanceId());
            // issue 17: wired before any worker runs, so that the dispatcher knows the loyalty tasks from the start
            LoyaltyServices loyalty = services.loyalty(new LoyaltyServices.LoyaltyDependencies(
                    persistence.loyaltyPrograms(), persistence.standings(), wechat.templateMessages(),
                    TEMPLATE_MESSAGES_PER_SECOND));
            EngagementServices engagement = ApplicationWiring.engagement(services, persistence, wechat, clock);
            // The demo tenant's first use of the stores warms them while Jetty starts; until it is there (or, without
            // the sandbox, at once) readiness answers as the database does.
            CompletableFuture<Optional<IssuedKey>> demoStart = CompletableFuture.supplyAsync(
                    () -> sandbox.map(running -> DemoTenant.prepare(services.manageTenants(), running, settings)), startup);
            InstanceLoops everyLoop = InstanceLoops.of(services, persistence.processedPushes(), clock,
                    settings.outboxWorkers(), settings.reconcilePeriod(), Threads::named);
            InstanceLoops loops = settings.statisticsPullPeriod().isZero() ? everyLoop
                    : everyLoop.withDailyStatisticsPull(engagement.pullCardStatistics(), settings.statisticsPullPeriod());
            toClose.add(loops::stop);
            OperatorServices operators = new OperatorServices(new OperatorServices.Dependencies(
                    persistence.operators(), persistence.operatorSessions(), persistence.auditLog(),
                    ConsolePlugin.passwordHasher(), persistence.cards(), persistence.memberships(), clock,
                    IdGenerator.random(), persistence.transactions()));
            ManageCampaignsUseCase campaigns = ApplicationWiring.campaigns(persistence, wechat, clock).campaigns();
            ConsolePlugin console = ConsolePlugin.create(consoleUseCases(services, operators, engagement, campaigns),
                    new ConsoleSettings(settings.publicUrl().startsWith("https:"), DemoTenant.ID.value(), clock));
            JoiningServices joining = new JoiningServices(new JoiningServices.Dependencies(services,
                    persistence.activationSessions(), persistence.tenants(), persistence.cards(),
                    persistence.memberships(), wechat.members(), clock, IdGenerator.random()));
            ExecutorService databaseProbe = threads.pool("db-probe", 1); // a hung check holds it, not the request
            RestApi api;
            try {
                api = RestApi.start(new RestSettings(settings.httpHost(), settings.httpPort(), settings.maxBodyBytes()),
                        useCases(services, joining, engagement).withLoyalty(new LoyaltyUseCases(loyalty.configureLoyalty(),
                                loyalty.recordPurchase(), loyalty.memberLevels(), loyalty.loyaltyPeriods()))
                                .withEngagement(new EngagementUseCases(engagement.manageStores(),
                                        engagement.manageSegments(), engagement.sendCardMessages()))
                                .withCampaigns(campaigns),
                        () -> demoStart.isDone() && !demoStart.isCompletedExceptionally()
                                && persistence.isReachable(databaseProbe), threads.pool("wechat-push", PUSH_WORKERS),
                        List.of(console));
            } catch (RuntimeException restFailed) {
                demoStart.exceptionally(demoFailed -> Optional.empty()).join(); // nothing is left writing while we stop
                throw restFailed;
            }
            rest = api;
            toClose.add(rest);
            demoKey = started(demoStart);
            // The demo tenant's first console admin, on the first run only; its password is shown once.
            firstAdmin = demoKey.flatMap(key -> operators.manageOperators().createFirstAdmin(key.tenant().id())
                    .toJavaOptional());
            Gauge.builder("wxcard_outbox_pending", () -> persistence.outbox().stats(clock.now()).pending())
                    .description("outbox tasks waiting to be sent to WeChat").register(rest.meterRegistry());
            Gauge.builder("wxcard_outbox_oldest_seconds",
                            () -> persistence.outbox().stats(clock.now()).oldestPendingAge().toMillis() / 1000.0)
                    .description("how long the oldest waiting outbox task has waited").register(rest.meterRegistry());
            Gauge.builder("wxcard_inbox_pending",
                            () -> persistence.processedPushes().count(InboxMessage.State.PENDING))
                    .description("WeChat pushes answered and waiting to be applied").register(rest.meterRegistry());
            FunctionCounter.builder("wxcard_card_stock_low_total", services.stockAlerts(),
                            alerts -> alerts.stockLowAlerts())
                    .description("WeChat's warnings that a card's stock runs low (card_sku_remind)")
                    .register(rest.meterRegistry());
            loops.start();
        } catch (RuntimeException failure) {
            close();
            threads.close(); // again, if it failed before the threads were among the parts to close
            throw failure;
        }
    }

    /** Starts everything; on a failure, stops what had started and rethrows. */
    static ServiceRuntime start(Settings settings) {
        return new ServiceRuntime(settings);
    }

    /** A part once started; its own failure is rethrown as it was. */
    private static <T> T started(CompletableFuture<T> start) {
        try {
            return start.join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }

    private static WechatSandbox startSandbox(Settings settings) {
        SandboxSettings sandboxSettings = SandboxSettings.defaults().withPort(settings.sandboxPort())
                .withReviewDelay(Duration.ofSeconds(2)).withStateFile(settings.dataDir().resolve("sandbox-state.json"));
        return WechatSandbox.start(sandboxSettings);
    }

    private static RestUseCases useCases(CardServices s, JoiningServices j, EngagementServices e) {
        return new RestUseCases(s.draftCard(), s.editCard(), s.submitCard(), s.setTestWhitelist(),
                s.configureActivationForm(), s.distributeCard(), s.deleteCard(), s.findCards(), s.activateMembership(),
                s.changeLedger(), s.invalidateMembership(), s.pullMemberInfo(), s.findMemberships(),
                s.importMembers(), s.acceptWechatPush(), s.authenticateApiKey(), s.uploadCardImage(),
                s.findMembers(), s.changeFeed(), s.manageWebhooks(), j.activationPages(),
                new RestPayUseCases(s.upgradeCardForWechatPay(), s.importMemberByPhone(),
                        s.acceptWechatPayNotification(), s.readWechatPayMembership()), s.applyLedgerBatch(), e.cardStatistics());
    }

    private static ConsoleUseCases consoleUseCases(CardServices s, OperatorServices o, EngagementServices e,
                                                   ManageCampaignsUseCase campaigns) {
        return new ConsoleUseCases(o.signIn(), o.manageOperators(), o.auditTrail(), s.findCards(), s.draftCard(),
                s.editCard(), s.submitCard(), o.searchMembers(), s.findMemberships(), s.changeLedger(),
                s.distributeCard(), s.invalidateMembership(), s.findMembers(), s.importMembers(),
                s.manageDeadLetters(), s.manageWebhooks(), s.stockAlerts(), e.cardStatistics(),
                e.pullCardStatistics(), campaigns);
    }

    CardServices services() {
        return services;
    }

    int httpPort() {
        return rest.port();
    }

    /**
     * What a newcomer needs to know, printed once the service is ready, in one write so that log lines from other
     * threads do not cut it and a reader sees it whole. Only the demo key is a secret shown.
     */
    void printBanner(Settings settings, PrintStream out) {
        long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String api = "http://127.0.0.1:" + rest.port();
        StringBuilder banner = new StringBuilder();
        java.util.Formatter text = new java.util.Formatter(banner);
        text.format("%nwxcard is ready (%.1f s after the JVM started)%n", readyMillis / 1000.0);
        text.format("  HTTP API        %s   (OpenAPI %s/openapi.json, health %s/health)%n", api, api, api);
        text.format("  database        %s%n", settings.dbUrl());
        sandbox.ifPresentOrElse(
                running -> text.format("  WeChat sandbox  %s   (control API %s/sandbox/..., state in %s)%n",
                        running.baseUrl(), running.baseUrl(), settings.dataDir().resolve("sandbox-state.json")),
                () -> text.format("  WeChat          %s and %s%n", settings.wechatApiBase(), settings.wechatPayApiBase()));
        demoKey.ifPresent(key -> {
            text.format("  demo tenant     %s (appid %s; safe-mode pushes to %s/wechat/%s/events)%n", key.tenant().id(),
                    key.tenant().appId(), settings.publicUrl(), key.tenant().id());
            text.format("  demo API key    %s%n", key.apiKey().reveal());
            text.format("  console         %s/console/   %s%n%nTry:%n", api, firstAdmin
                    .map(admin -> "(tenant " + key.tenant().id() + ", sign in as " + admin.name() + " / "
                            + admin.password().reveal() + "; this password is shown only now)")
                    .orElse("(tenant " + key.tenant().id() + "; sign in as admin with the password shown at the first start)"));
            text.format("  curl -s -H 'Authorization: Bearer %s' %s/v1/cards%n", key.apiKey().reveal(), api);
            text.format("  java -jar bootstrap/target/card-service.jar demo --url %s --api-key %s --sandbox-url %s%n",
                    api, key.apiKey().reveal(), sandbox.get().baseUrl());
        });
        banner.append(System.lineSeparator());
        out.print(banner);
        out.flush();
    }

    @Override
    public void close() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception failure) {
                LOG.warn("while stopping {}: {}", toClose.get(i).getClass().getSimpleName(), failure.toString());
            }
        }
    }
}
