package io.wxcard.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.DraftCardUseCase.DraftCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageOperatorsUseCase.AddOperatorCommand;
import io.wxcard.application.port.in.OperatorSignInUseCase.SignInCommand;
import io.wxcard.application.port.in.RecordCardReceivedUseCase.CardReceived;
import io.wxcard.application.port.in.RecordReviewResultUseCase.ReviewResult;
import io.wxcard.application.port.in.SignedInOperator;
import io.wxcard.application.port.out.MemberLevels;
import io.wxcard.application.port.out.wechat.WechatCardMessages;
import io.wxcard.application.port.out.wechat.WechatCardStatistics;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatUserTags;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.application.port.out.store.OperatorSessionStore;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.EngagementServices;
import io.wxcard.application.service.OperatorServices;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryApplication;
import io.wxcard.application.testing.InMemoryCardStatisticsStore;
import io.wxcard.application.testing.InMemorySegmentStore;
import io.wxcard.application.testing.InMemoryStoreStore;
import io.wxcard.application.testing.InMemoryOperatorSessionStore;
import io.wxcard.application.testing.InMemoryOperatorStore;
import io.wxcard.application.testing.SequentialIds;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.operator.OperatorName;
import io.wxcard.domain.operator.Role;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.TenantId;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The console on a real Javalin server (port 0), over the whole application on in-memory stores and an in-memory
 * WeChat: the pages are tested through HTTP as a browser reaches them, against the real use cases.
 */
final class ConsoleWorld implements AutoCloseable {

    static final String PASSWORD = "a-long-password-1";
    static final long MULTIPART_LIMIT_BYTES = 1_100_000;

    /** While set, the operators' sessions and the statistics' store answer as a database that cannot be reached. */
    final AtomicBoolean databaseDown = new AtomicBoolean();
    final InMemoryApplication whole = InMemoryApplication.applyingPushesOnRequest();
    final CardServices app = whole.app;
    final OperatorServices operators = new OperatorServices(new OperatorServices.Dependencies(
            new InMemoryOperatorStore(), downWhenAsked(OperatorSessionStore.class, new InMemoryOperatorSessionStore()),
            whole.stores.auditLog(),
            ConsolePlugin.passwordHasher(), whole.stores.cards(), whole.stores.memberships(), whole.clock,
            new SequentialIds(), whole.stores.transactions()));
    final InMemoryStoreStore storeStore = new InMemoryStoreStore();
    final InMemoryCardStatisticsStore statistics = new InMemoryCardStatisticsStore(whole.stores.memberships(),
            whole.stores.ledger(), storeStore);
    final EngagementServices engagement = new EngagementServices(new EngagementServices.Dependencies(app,
            whole.stores.tenants(), whole.stores.cards(), whole.stores.memberships(), storeStore,
            new InMemorySegmentStore(), downWhenAsked(CardStatisticsStore.class, statistics), MemberLevels.NONE, notCalled(WechatUserTags.class),
            notCalled(WechatCardMessages.class), wechatDown(WechatCardStatistics.class), whole.clock,
            new SequentialIds()));
    final TenantId tenant = Fixtures.uniqueTenantId();
    final TenantId otherTenant = Fixtures.uniqueTenantId();
    private final Javalin server;
    final String base;
    private final String adminPassword;

    ConsoleWorld() {
        whole.stores.tenants().save(Fixtures.tenantWithEverything(tenant));
        whole.stores.tenants().save(Fixtures.tenantWithEverything(otherTenant));
        ConsoleUseCases useCases = new ConsoleUseCases(operators.signIn(), operators.manageOperators(),
                operators.auditTrail(), app.findCards(), app.draftCard(), app.editCard(), app.submitCard(),
                operators.searchMembers(), app.findMemberships(), app.changeLedger(), app.distributeCard(),
                app.invalidateMembership(), app.findMembers(), app.importMembers(), app.manageDeadLetters(),
                app.manageWebhooks(), app.stockAlerts(), engagement.cardStatistics(),
                engagement.pullCardStatistics(), whole.campaignServices().campaigns());
        ConsolePlugin plugin = ConsolePlugin.create(useCases, new ConsoleSettings(false, tenant.value(), whole.clock));
        server = Javalin.create(config -> {
            config.registerPlugin(plugin);
            // the service's server takes multipart bodies up to its pictures' limit (adapter-rest); about that here
            config.jetty.multipartConfig.maxTotalRequestSize(MULTIPART_LIMIT_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(MULTIPART_LIMIT_BYTES, SizeUnit.BYTES);
        }).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        adminPassword = operators.manageOperators().createFirstAdmin(tenant).get().password().reveal();
        SignedInOperator signedIn = ok(operators.signIn().signIn(new SignInCommand(tenant, new OperatorName("admin"),
                Secret.of(adminPassword)))).operator();
        for (Role role : new Role[] {Role.VIEWER, Role.OPERATOR}) {
            ok(operators.manageOperators().add(signedIn, new AddOperatorCommand(
                    new OperatorName(role.name().toLowerCase()), role, Secret.of(PASSWORD))));
        }
        Secret otherAdmin = operators.manageOperators().createFirstAdmin(otherTenant).get().password();
        SignedInOperator other = ok(operators.signIn().signIn(new SignInCommand(otherTenant,
                new OperatorName("admin"), otherAdmin))).operator();
        ok(operators.manageOperators().add(other, new AddOperatorCommand(new OperatorName("admin2"), Role.ADMIN,
                Secret.of(PASSWORD))));
    }

    /** A browser signed in as the operator of this role ({@code viewer}, {@code operator}, {@code admin}). */
    ConsoleClient signedIn(String role) {
        ConsoleClient client = new ConsoleClient(base);
        String password = role.equals("admin") ? adminPassword : PASSWORD;
        assertThat(client.signIn(tenant.value(), role, password).statusCode()).isEqualTo(303);
        return client;
    }

    /** An admin of the other tenant. */
    ConsoleClient otherTenantsAdmin() {
        ConsoleClient client = new ConsoleClient(base);
        assertThat(client.signIn(otherTenant.value(), "admin2", PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    /** A card of the tenant WeChat approved, members activated as they receive it. */
    Card approvedCard(TenantId owner) {
        Card drafted = ok(app.draftCard().draft(new DraftCardCommand(owner,
                Fixtures.definitionActivatedBy(ActivationMode.AUTO))));
        Card submitted = ok(app.submitCard().submit(owner, drafted.id()));
        return ok(app.recordReviewResult().record(new ReviewResult(owner, submitted.wechatCardId().get(), true,
                Option.none())));
    }

    Membership received(Card card, String openId) {
        Code code = whole.wechat.handOut(card.wechatCardId().get(), new OpenId(openId));
        return ok(app.recordCardReceived().recordReceived(new CardReceived(card.tenantId(), card.wechatCardId().get(),
                code, new OpenId(openId), Option.none(), false)));
    }

    /**
     * A WeChat port the console's pages never reach: the statistics page reads what was pulled and calls WeChat for
     * nothing (pulling is tested over the sandbox, adapter-wechat's EngagementOverSandboxTest).
     */
    /** The store, or, while {@link #databaseDown} is set, the failure of a database out of reach. */
    private <T> T downWhenAsked(Class<T> port, T store) {
        return port.cast(java.lang.reflect.Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() != Object.class && databaseDown.get()) {
                        throw new StoreUnavailableException("connection refused (test)",
                                new java.net.ConnectException("connection refused"));
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    /** A WeChat port whose every call fails as WeChat out of reach does (a transient error). */
    private static <T> T wechatDown(Class<T> port) {
        return port.cast(java.lang.reflect.Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, args) -> method.getDeclaringClass() == Object.class ? method.invoke(port, args)
                        : Either.left(new WechatError(WechatError.Kind.TRANSIENT, "-1", "connect timed out (test)"))));
    }

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

    static <T> T ok(Either<Failure, T> result) {
        assertThat(result.isRight()).as("expected success, got %s", result).isTrue();
        return result.get();
    }

    @Override
    public void close() {
        server.stop();
    }
}
