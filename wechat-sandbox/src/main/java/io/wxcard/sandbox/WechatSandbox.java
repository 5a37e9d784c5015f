package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline twin of WeChat's member-card platform over real HTTP: the Official Account API ({@code /cgi-bin},
 * {@code /card}), the WeChat Pay v3 member import ({@code /v3}), event pushes to the accounts' callback URLs, and a
 * control API ({@code /sandbox}) for tests and demos. Start one per test class or per process; close it when done.
 */
public final class WechatSandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WechatSandbox.class);

    private final Javalin server;
    private final Apps apps;
    private final PlatformKey platformKey;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService pushExecutor;
    private final StateChanges changes;
    private final StateFile stateFile;
    private final CallbackVerifier verifier;
    private final boolean verifyCallbacks;
    private final String baseUrl;
    private final Latency latency;

    private WechatSandbox(Javalin server, Apps apps, PlatformKey platformKey, ScheduledExecutorService scheduler,
                          ExecutorService pushExecutor, StateChanges changes, StateFile stateFile,
                          CallbackVerifier verifier, SandboxSettings settings, Latency latency) {
        this.latency = latency;
        this.server = server;
        this.apps = apps;
        this.platformKey = platformKey;
        this.scheduler = scheduler;
        this.pushExecutor = pushExecutor;
        this.changes = changes;
        this.stateFile = stateFile;
        this.verifier = verifier;
        this.verifyCallbacks = settings.verifyCallbacks();
        this.baseUrl = SandboxSettings.baseUrl(settings.host(), server.port());
    }

    /** Where a sandbox started with these settings answers, known before it starts; not for port 0 (IAE). */
    public static String baseUrlOf(SandboxSettings settings) {
        if (settings.port() == 0) {
            throw new IllegalArgumentException("port 0: the address is known only once the sandbox listens");
        }
        return SandboxSettings.baseUrl(settings.host(), settings.port());
    }

    /**
     * Starts a sandbox; port 0 picks a free port. Cheap: the platform RSA key is made in the background. With a
     * {@link SandboxSettings#stateFile() state file} that exists, its state is loaded first; a file that cannot be
     * read fails the start with an {@link IllegalStateException} naming it.
     */
    public static WechatSandbox start(SandboxSettings settings) {
        ObjectNode saved = settings.stateFile() == null ? null : StateFile.read(settings.stateFile());
        String keyPem = settings.platformPrivateKeyPem() != null ? settings.platformPrivateKeyPem()
                : StateFile.platformKeyPem(saved);
        PlatformKey platformKey;
        try {
            platformKey = PlatformKey.loadOrGenerate(keyPem);
        } catch (IllegalArgumentException e) {
            if (settings.platformPrivateKeyPem() != null) {
                throw e;
            }
            throw new IllegalStateException("cannot load the sandbox state from "
                    + settings.stateFile().toAbsolutePath() + ": platform_private_key_pem: " + e.getMessage(), e);
        }
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("sandbox-timer"));
        ExecutorService pushExecutor = Executors.newCachedThreadPool(daemon("sandbox-push"));
        // Answers held back by the latency setting are released from this pool, never from a server thread.
        Latency latency = new Latency(settings.latency(), pushExecutor);

        StateChanges changes = new StateChanges();
        Stats stats = new Stats();
        CallLog calls = new CallLog();
        Faults faults = new Faults();
        Apps apps = new Apps(settings.echoUpdateUser());
        Tokens tokens = new Tokens(clock, settings.tokenLifetime(), settings.tokenOverlap(),
                settings.dailyTokenQuota(), settings.forceRefreshLimits());
        HttpClient httpClient = HttpClient.newBuilder().executor(pushExecutor)
                .connectTimeout(settings.pushTimeout()).build();
        Pusher pusher = new Pusher(apps, httpClient, scheduler, settings, stats);
        CallbackVerifier verifier = new CallbackVerifier(apps, httpClient, scheduler, settings.pushTimeout());
        Cards cards = new Cards(apps, pusher, scheduler, settings, clock, changes);
        Identities ids = new Identities();
        Members members = new Members(apps, cards, ids);
        MemberActions memberActions = new MemberActions(members, cards, ids, pusher);
        MemberCards memberCards = new MemberCards(apps, cards, members, pusher, stats);
        PayImport payImport = new PayImport(apps, cards, ids, stats);
        PayMembers payMembers = new PayMembers(apps, cards, ids, platformKey, httpClient, scheduler, stats);
        Distribution distribution = new Distribution(cards);
        Datacube datacube = new Datacube(cards);
        UserTags userTags = new UserTags(members);
        CardMessages cardMessages = new CardMessages(cards, members, userTags);
        MediaRoutes media = new MediaRoutes();
        RateLimiter rateLimiter = new RateLimiter(settings.payRateLimitPerSecond());
        StateFile stateFile = null;
        if (settings.stateFile() != null) {
            stateFile = new StateFile(settings.stateFile(), new StateFile.Parts(apps, cards, members, ids,
                    payImport, distribution, media, platformKey));
            try {
                if (saved != null) {
                    stateFile.restore(saved);
                } else {
                    LOG.info("no sandbox state at {} yet: starting empty, saving there", settings.stateFile());
                }
            } catch (RuntimeException e) {
                scheduler.shutdownNow();
                pushExecutor.shutdownNow();
                throw e;
            }
            changes.listen(stateFile::changed);
        }
        PayGiftRules payGiftRules = new PayGiftRules(cards);
        CampaignEndpoints campaigns = new CampaignEndpoints(payGiftRules,
                new PayActivities(cards, payImport), cards);
        Runnable reset = () -> {
            tokens.clear();
            campaigns.clear();
            cards.clear();
            members.clear();
            ids.clear();
            payImport.clear();
            payMembers.clear();
            distribution.clear();
            datacube.clear();
            userTags.clear();
            cardMessages.clear();
            media.clear();
            calls.clear();
            stats.clear();
            faults.clear();
            pusher.clear();
            rateLimiter.clear();
        };

        Javalin server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = 2L * MediaRoutes.MAX_BYTES;
            config.jetty.defaultHost = settings.host();
        });
        OaEndpoint oa = new OaEndpoint(server, tokens, faults, calls, stats, changes, latency);
        new CredentialRoutes(apps, tokens, stats).register(oa);
        media.register(oa, server);
        new CardRoutes(apps, cards, distribution).register(oa);
        new MemberRoutes(apps, cards, members, memberCards, new CodeUse(members, pusher)).register(oa);
        PayGiftRuleRoutes payGifts = new PayGiftRuleRoutes(payGiftRules, cards, memberActions);
        payGifts.register(oa);
        PayRoutes payRoutes = new PayRoutes(apps, payImport, platformKey, rateLimiter, faults, calls, stats, changes,
                latency);
        payRoutes.register(server);
        ControlRoutes control = new ControlRoutes(apps, faults, tokens, calls, pusher, stats, platformKey, reset, changes,
                verifier, settings.verifyCallbacks(), latency);
        control.register(server);
        new MemberControlRoutes(cards, memberActions, memberCards, distribution, datacube).register(server, control);
        new MemberEventRoutes(new MemberEvents(apps, cards, members, ids, pusher, datacube), cards, apps)
                .register(server, control);
        new EngagementRoutes(userTags, cardMessages, datacube).register(oa, server, control);
        payGifts.register(server, control);
        MessageRoutes messageRoutes = new MessageRoutes(new TemplateMessages());
        messageRoutes.register(oa);
        messageRoutes.register(server, control);
        new ActivationJumpRoutes(new ActivationJump(memberActions), cards, members, changes).register(server, control);
        campaigns.register(payRoutes, server, control);
        new PayMemberRoutes(payRoutes, payMembers, payImport, changes).register(server, control);
        new PayCodeRoutes(payRoutes, new PayCodes(cards, members, payImport), changes).register(server);
        try {
            server.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            pushExecutor.shutdownNow();
            throw e;
        }
        WechatSandbox sandbox = new WechatSandbox(server, apps, platformKey, scheduler, pushExecutor, changes,
                stateFile, verifier, settings, latency);
        LOG.info("WeChat sandbox listening on {} ({})", sandbox.baseUrl, settings);
        return sandbox;
    }

    /** Where both the Official Account API and the WeChat Pay v3 API are served, e.g. http://127.0.0.1:54321. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Registers an account (or replaces its configuration; its cards and members stay), as {@code POST /sandbox/apps}
     * does. With {@link SandboxSettings#verifyCallbacks()} and a callback URL, WeChat's configuration handshake is
     * sent to it in the background (retried for a while if the callback is not up yet) and its result logged and
     * kept ({@link #callbackCheck}); registration never fails because of it.
     */
    public void registerApp(SandboxApp app) {
        Apps.Registered registered = apps.register(app);
        changes.changed();
        LOG.info("registered {}", app);
        if (verifyCallbacks && app.callbackUrl() != null && !app.callbackUrl().isBlank()) {
            verifier.checkInBackground(registered);
        }
    }

    /**
     * Sends WeChat's configuration handshake to the account's callback URL now, whatever the settings say, and waits
     * for the answer (at most the push timeout).
     *
     * @throws IllegalArgumentException when the account is unknown or has no callback URL
     */
    public CallbackCheck verifyCallback(String appId) {
        Apps.Registered registered = apps.byAppId(appId)
                .orElseThrow(() -> new IllegalArgumentException("unknown appid " + appId));
        if (registered.app().callbackUrl() == null || registered.app().callbackUrl().isBlank()) {
            throw new IllegalArgumentException(appId + " has no callback URL");
        }
        return verifier.check(registered);
    }

    /** The latest handshake with the account's callback URL (status CHECKING while a background one retries). */
    public Optional<CallbackCheck> callbackCheck(String appId) {
        return verifier.last(appId);
    }

    /** The public key (PEM) that verifies the sandbox's WeChat Pay responses. Waits for the key if still new. */
    public String platformPublicKeyPem() {
        return platformKey.publicKeyPem();
    }

    /** The serial the sandbox names in {@code Wechatpay-Serial}. */
    public String platformSerial() {
        return platformKey.serial();
    }

    /**
     * Makes every Official Account and WeChat Pay answer wait this long from now on (as
     * {@code POST /sandbox/latency} does); zero answers at once.
     */
    public void setLatency(Duration latency) {
        this.latency.set(latency);
    }

    /**
     * Whether this account's {@code updateuser} calls that change bonus or balance also push
     * {@code update_member_card} (overrides {@link SandboxSettings#echoUpdateUser()}; as
     * {@code POST /sandbox/apps/{appid}/echo-updateuser}).
     *
     * @throws IllegalArgumentException when the account is unknown
     */
    public void setEchoUpdateUser(String appId, boolean echo) {
        apps.setEchoUpdateUser(appId, echo);
    }

    /** The current answer latency. */
    public Duration latency() {
        return latency.get();
    }

    /**
     * Rotates the WeChat Pay platform key (as {@code POST /sandbox/platform-certificate/rotate}): a new key signs
     * every answer from now on, the previous one stays listed by {@code GET /v3/certificates} for {@code overlap}.
     * Answers the new serial.
     */
    public String rotatePlatformKey(Duration overlap) {
        String serial = platformKey.rotate(overlap);
        changes.changed();
        return serial;
    }

    /** Stops serving; with a state file, saves the state one last time. */
    @Override
    public void close() {
        server.stop();
        scheduler.shutdownNow();
        pushExecutor.shutdownNow();
        if (stateFile != null) {
            stateFile.close();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
