package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.SharedTokenStore.TokenKey;
import io.wxcard.application.port.out.wechat.CardExtRequest;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.application.testing.TestClock;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.sandbox.SandboxSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Access tokens and card tickets: cache, single flight, compare-and-expire with one retry, one fetch per expiry across
 * instances sharing a store, dead lease holders, quota refusals that are never looped, stable_token. Fetches are
 * counted in the sandbox's call log, per account.
 */
class TokenHandlingTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private final List<SandboxFixture> sandboxes = new ArrayList<>();

    @AfterEach
    void stop() {
        sandboxes.forEach(SandboxFixture::close);
    }

    private SandboxFixture sandbox(SandboxSettings settings) {
        SandboxFixture sandbox = SandboxFixture.start(settings);
        sandboxes.add(sandbox);
        return sandbox;
    }

    private SandboxFixture sandbox() {
        return sandbox(SandboxSettings.defaults().withoutAutoReview());
    }

    private static WechatAdapter adapter(SandboxFixture sandbox, SharedTokenStore store, Clock clock,
                                         Duration deadline) {
        return WechatAdapter.create(sandbox.settings().withCallDeadline(deadline), store, clock);
    }

    /** A cheap call that needs the access_token. */
    private static Either<WechatError, ?> call(WechatAdapter adapter, WechatAccount account) {
        return adapter.catalog().list(account, 0, 1);
    }

    /** Runs the calls all at once (released together) and answers their results. */
    private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Callable<Either<WechatError, ?>>> times(int n, Callable<Either<WechatError, ?>> call) {
        List<Callable<Either<WechatError, ?>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call);
        }
        return calls;
    }

    private static void allSucceeded(List<Either<WechatError, ?>> results) {
        assertThat(results).allSatisfy(result -> assertThat(result.isRight())
                .as("failed: %s", result.swap().getOrNull()).isTrue());
    }

    @Test
    void fetches_a_token_once_and_reuses_it() {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        WechatAdapter adapter = adapter(sandbox, new InMemoryStores().tokens(), Clock.system(), GENEROUS);

        for (int i = 0; i < 5; i++) {
            assertThat(call(adapter, account.account()).isRight()).isTrue();
        }

        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(1);
    }

    @Test
    void two_hundred_concurrent_callers_on_an_expired_token_cause_exactly_one_fetch() throws Exception {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        TestClock clock = new TestClock(Instant.now());
        WechatAdapter adapter = adapter(sandbox, new InMemoryStores().tokens(), clock, GENEROUS);
        assertThat(call(adapter, account.account()).isRight()).isTrue();
        clock.advance(Duration.ofHours(3)); // the cached token is past its expiry

        allSucceeded(concurrently(times(200, () -> call(adapter, account.account()))));

        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(2);
    }

    @Test
    void recovers_from_tokens_the_platform_expired_with_exactly_one_refresh() throws Exception {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        WechatAdapter adapter = adapter(sandbox, new InMemoryStores().tokens(), Clock.system(), GENEROUS);
        assertThat(call(adapter, account.account()).isRight()).isTrue();

        sandbox.expireTokens();
        assertThat(call(adapter, account.account()).isRight()).isTrue();
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(2);

        sandbox.expireTokens();
        allSucceeded(concurrently(times(200, () -> call(adapter, account.account()))));
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(3);
        // refused calls carry no appid in the sandbox's log (the token named none); this sandbox has one account
        assertThat(sandbox.calls("/card/batchget", null))
                .filteredOn(c -> c.path("errcode").asInt() == 42001).hasSizeBetween(2, 201);
    }

    @Test
    void three_instances_sharing_one_store_fetch_once_per_expiry() throws Exception {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        SharedTokenStore store = new InMemoryStores().tokens();
        TestClock clock = new TestClock(Instant.now());
        List<WechatAdapter> instances = List.of(adapter(sandbox, store, clock, GENEROUS),
                adapter(sandbox, store, clock, GENEROUS), adapter(sandbox, store, clock, GENEROUS));
        List<Callable<Either<WechatError, ?>>> wave = new ArrayList<>();
        for (WechatAdapter instance : instances) {
            wave.addAll(times(30, () -> call(instance, account.account())));
        }

        allSucceeded(concurrently(wave));
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(1);

        clock.advance(Duration.ofHours(3));
        allSucceeded(concurrently(wave));
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(2);

        clock.advance(Duration.ofHours(3));
        allSucceeded(concurrently(wave));
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(3);
    }

    @Test
    void an_instance_that_finds_a_refused_token_already_replaced_uses_the_replacement() {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        SharedTokenStore store = new InMemoryStores().tokens();
        WechatAdapter a = adapter(sandbox, store, Clock.system(), GENEROUS);
        WechatAdapter b = adapter(sandbox, store, Clock.system(), GENEROUS);
        assertThat(call(a, account.account()).isRight()).isTrue();
        assertThat(call(b, account.account()).isRight()).isTrue(); // reads a's token from the store
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(1);

        sandbox.expireTokens();
        assertThat(call(a, account.account()).isRight()).isTrue(); // refused, expired, fetched, published
        assertThat(call(b, account.account()).isRight()).isTrue(); // refused, compare-and-expire misses, reads store

        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(2);
    }

    @Test
    void takes_over_when_a_dead_instances_lease_runs_out() {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        SharedTokenStore store = new InMemoryStores().tokens();
        TokenKey key = new TokenKey(account.appId(), TokenKey.Kind.ACCESS_TOKEN);
        assertThat(store.tryLease(key, "instance-that-died", Instant.now(), Duration.ofSeconds(1))).isTrue();
        WechatAdapter adapter = adapter(sandbox, store, Clock.system(), Duration.ofSeconds(5));

        assertThat(call(adapter, account.account()).isRight()).isTrue();

        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(1);
        assertThat(store.read(key).isDefined()).isTrue();
    }

    @Test
    void waits_for_a_lease_holder_no_longer_than_the_call_deadline() {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        SharedTokenStore store = new InMemoryStores().tokens();
        TestClock clock = new TestClock(Instant.now());
        TokenKey key = new TokenKey(account.appId(), TokenKey.Kind.ACCESS_TOKEN);
        store.tryLease(key, "instance-still-fetching", clock.now(), Duration.ofMinutes(1));
        Duration deadline = Duration.ofMillis(800);
        WechatAdapter adapter = adapter(sandbox, store, clock, deadline);

        long started = System.nanoTime();
        Either<WechatError, ?> result = call(adapter, account.account());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.getLeft().kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(took).isLessThan(deadline.plusSeconds(1));
        assertThat(sandbox.tokenFetches(account.appId())).isZero();

        clock.advance(Duration.ofMinutes(2)); // the lease has run out
        assertThat(call(adapter, account.account()).isRight()).isTrue();
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(1);
    }

    @Test
    void never_loops_on_the_daily_token_quota() throws Exception {
        SandboxFixture sandbox = sandbox(SandboxSettings.defaults().withoutAutoReview().withDailyTokenQuota(1));
        SandboxFixture.Account account = sandbox.newAccount();
        WechatAdapter adapter = adapter(sandbox, new InMemoryStores().tokens(), Clock.system(), GENEROUS);
        assertThat(call(adapter, account.account()).isRight()).isTrue();
        sandbox.expireTokens();

        WechatError error = call(adapter, account.account()).getLeft();

        assertThat(error.kind()).isEqualTo(Kind.QUOTA);
        assertThat(error.code()).isEqualTo("45009");
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(2);
        List<Either<WechatError, ?>> more = concurrently(times(50, () -> call(adapter, account.account())));
        assertThat(more).allSatisfy(r -> assertThat(r.getLeft().code()).isEqualTo("45009"));
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(2);
    }

    @Test
    void refuses_a_wrong_appsecret_as_forbidden_without_retrying() {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        WechatAdapter adapter = adapter(sandbox, new InMemoryStores().tokens(), Clock.system(), GENEROUS);
        WechatAccount wrong = new WechatAccount(new AppId(account.appId()), Secret.of("not-the-secret"));

        WechatError error = call(adapter, wrong).getLeft();

        assertThat(error.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(error.code()).isEqualTo("40125");
        assertThat(error.message()).doesNotContain("not-the-secret");
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(1);
        assertThat(call(adapter, account.account()).isRight()).as("the right secret is not held up").isTrue();
    }

    @Test
    void gives_up_after_exactly_one_retry_when_a_fresh_token_is_refused_too() {
        try (StubServer stub = new StubServer()) {
            stub.withTokens().on("/card/batchget", r -> StubServer.Answer.json(
                    "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}"));
            WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()),
                    new InMemoryStores().tokens(), Clock.system());

            WechatError error = call(adapter, new WechatAccount(new AppId("wxstub"), Secret.of("s"))).getLeft();

            assertThat(error.kind()).isEqualTo(Kind.INVALID_TOKEN);
            assertThat(error.code()).isEqualTo("40001");
            assertThat(stub.received("/cgi-bin/token")).hasSize(2);
            assertThat(stub.received("/card/batchget")).hasSize(2);
        }
    }

    @Test
    void uses_stable_token_when_configured_and_recovers_from_an_expiry() {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        WechatAdapter adapter = WechatAdapter.create(sandbox.settings().withUseStableToken(true),
                new InMemoryStores().tokens(), Clock.system());

        assertThat(call(adapter, account.account()).isRight()).isTrue();
        sandbox.expireTokens();
        assertThat(call(adapter, account.account()).isRight()).isTrue();

        assertThat(sandbox.calls("/cgi-bin/stable_token", account.appId())).hasSize(2);
        assertThat(sandbox.tokenFetches(account.appId())).isZero();
    }

    @Test
    void forces_a_stable_token_refresh_only_when_wechat_answers_the_token_it_just_refused() {
        try (StubServer stub = new StubServer()) {
            stub.on("/cgi-bin/stable_token", r -> StubServer.Answer.json(r.bodyText().contains("\"force_refresh\":true")
                    ? "{\"access_token\":\"NEW\",\"expires_in\":7200}" : "{\"access_token\":\"SAME\",\"expires_in\":7200}"));
            stub.on("/card/batchget", r -> StubServer.Answer.json(r.query().contains("access_token=NEW")
                    ? "{\"errcode\":0,\"card_id_list\":[],\"total_num\":0}" : "{\"errcode\":40001,\"errmsg\":\"invalid\"}"));
            WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl())
                    .withUseStableToken(true), new InMemoryStores().tokens(), Clock.system());

            assertThat(call(adapter, new WechatAccount(new AppId("wxstub"), Secret.of("s"))).isRight()).isTrue();

            assertThat(stub.received("/cgi-bin/stable_token")).extracting(StubServer.Received::bodyText)
                    .hasSize(3).filteredOn(body -> body.contains("\"force_refresh\":true")).hasSize(1);
        }
    }

    @Test
    void instances_sharing_the_store_keep_working_after_one_of_them_forces_a_stable_refresh() throws Exception {
        SandboxFixture sandbox = sandbox(); // the force_refresh limits are on: 30 s apart, 20 a day
        SandboxFixture.Account account = sandbox.newAccount();
        SharedTokenStore store = new InMemoryStores().tokens();
        List<WechatAdapter> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(WechatAdapter.create(sandbox.settings().withUseStableToken(true)
                    .withCallDeadline(Duration.ofSeconds(5)), store, Clock.system()));
        }
        List<Callable<Either<WechatError, ?>>> calls = new ArrayList<>();
        instances.forEach(instance -> calls.addAll(times(10, () -> call(instance, account.account()))));
        allSucceeded(concurrently(calls));
        assertThat(sandbox.calls("/cgi-bin/stable_token", account.appId())).hasSize(1);

        sandbox.faults(sandbox.object().put("refuse_stable_tokens", true));
        allSucceeded(concurrently(calls));

        // one normal call that answered the refused token, then one forced refresh; the others took it from the store
        assertThat(sandbox.calls("/cgi-bin/stable_token", account.appId())).hasSize(3);

        sandbox.faults(sandbox.object().put("refuse_stable_tokens", true));
        List<Either<WechatError, ?>> tooSoon = concurrently(calls);

        // within 30 s WeChat does not refresh again: a clear QUOTA error where a fetch was tried (the instances waiting
        // on that fetcher's lease give up at their deadline), and no loop of forced calls
        assertThat(tooSoon).allSatisfy(result -> assertThat(result.isLeft()).isTrue());
        assertThat(tooSoon).extracting(result -> result.getLeft().kind()).containsOnly(Kind.QUOTA, Kind.TRANSIENT)
                .contains(Kind.QUOTA);
        assertThat(tooSoon).filteredOn(result -> result.getLeft().kind() == Kind.QUOTA)
                .allSatisfy(result -> assertThat(result.getLeft().message()).contains("30 s"));
        assertThat(sandbox.calls("/cgi-bin/stable_token", account.appId())).hasSizeBetween(4, 3 + 3 * 2)
                .noneSatisfy(c -> assertThat(c.path("errcode").asInt()).isEqualTo(45009));
    }

    @Test
    void reads_token_answers_with_and_without_errcode_and_calls_40001_from_the_token_endpoint_a_wrong_appsecret() {
        try (StubServer stub = new StubServer()) {
            stub.on("/cgi-bin/token", r -> r.query().contains("appid=wxplain")
                    ? StubServer.Answer.json("{\"access_token\":\"PLAIN\",\"expires_in\":7200}")
                    : r.query().contains("appid=wxzero")
                    ? StubServer.Answer.json("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"ZERO\",\"expires_in\":7200}")
                    : StubServer.Answer.json("{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is "
                    + "invalid or not latest\"}"));
            stub.on("/card/batchget", r -> StubServer.Answer.json("{\"errcode\":0,\"card_id_list\":[],\"total_num\":0}"));
            WechatAdapter adapter = WechatAdapter.create(WechatSettings.defaults().withBaseUrl(stub.baseUrl()),
                    new InMemoryStores().tokens(), Clock.system());

            assertThat(call(adapter, new WechatAccount(new AppId("wxplain"), Secret.of("s1"))).isRight()).isTrue();
            assertThat(call(adapter, new WechatAccount(new AppId("wxzero"), Secret.of("s2"))).isRight()).isTrue();
            assertThat(stub.received("/card/batchget")).extracting(StubServer.Received::query)
                    .anySatisfy(q -> assertThat(q).contains("access_token=PLAIN"))
                    .anySatisfy(q -> assertThat(q).contains("access_token=ZERO"));
            Either<WechatError, ?> wrong = call(adapter, new WechatAccount(new AppId("wxwrong"),
                    Secret.of("the-secret-value")));

            assertThat(wrong.isLeft()).isTrue();
            assertThat(wrong.getLeft().kind()).isEqualTo(Kind.FORBIDDEN);
            assertThat(wrong.getLeft().code()).isEqualTo("40001");
            assertThat(wrong.getLeft().message()).contains("AppSecret is wrong").doesNotContain("the-secret-value");
            assertThat(stub.received("/cgi-bin/token").stream().filter(r -> r.query().contains("wxwrong")))
                    .as("a wrong appsecret is not retried").hasSize(1);
        }
    }

    @Test
    void fetches_the_card_ticket_once_for_all_instances() throws Exception {
        SandboxFixture sandbox = sandbox();
        SandboxFixture.Account account = sandbox.newAccount();
        SharedTokenStore store = new InMemoryStores().tokens();
        List<WechatAdapter> instances = List.of(adapter(sandbox, store, Clock.system(), GENEROUS),
                adapter(sandbox, store, Clock.system(), GENEROUS));
        WechatCardId cardId = new WechatCardId("pAnyCard");
        List<Callable<Either<WechatError, ?>>> signings = new ArrayList<>();
        for (WechatAdapter instance : instances) {
            signings.addAll(times(20, () -> instance.distribution().signCardExt(account.account(),
                    new CardExtRequest(cardId, Option.none(), Option.none(), Option.none(), Option.none()))));
        }

        allSucceeded(concurrently(signings));

        assertThat(sandbox.calls("/cgi-bin/ticket/getticket", account.appId())).hasSize(1);
        assertThat(sandbox.tokenFetches(account.appId())).isEqualTo(1);
    }
}
