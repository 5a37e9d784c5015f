package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatActivation;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.PushCredentials;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipNumber;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.sandbox.SandboxApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pushes as the sandbox really sends them, plain and encrypted, received over HTTP and decoded by the adapter's
 * decoder: the events a card and a member go through.
 */
class PushOverSandboxTest {

    private static SandboxFixture sandbox;
    private static WechatAdapter adapter;
    private static HttpServer receiver;
    private static final Map<String, PushCredentials> CREDENTIALS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, BlockingQueue<Either<PushRejection, DecodedPush>>> RECEIVED =
            new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxFixture.start();
        adapter = WechatAdapter.create(sandbox.settings(), new InMemoryStores().tokens(), Clock.system());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/wechat/", exchange -> {
            String appId = exchange.getRequestURI().getPath().substring("/wechat/".length());
            PushRequest request = new PushRequest(exchange.getRequestMethod(),
                    query(exchange.getRequestURI().getRawQuery()), exchange.getRequestBody().readAllBytes());
            Either<PushRejection, DecodedPush> decoded = adapter.pushDecoder().decode(CREDENTIALS.get(appId), request,
                    Instant.now());
            byte[] answer;
            if (decoded.isRight() && decoded.get() instanceof DecodedPush.Handshake handshake) {
                answer = handshake.echostr().getBytes(StandardCharsets.UTF_8);
            } else {
                RECEIVED.computeIfAbsent(appId, id -> new LinkedBlockingQueue<>()).add(decoded);
                answer = "success".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(decoded.isRight() ? 200 : 403, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close(); // first, so that no retry of a refused push meets a closed receiver
        receiver.stop(0);
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

    /** An account whose pushes reach the receiver, and the credentials the decoder checks them with. */
    private static SandboxFixture.Account account(String mode) {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/wechat/";
        SandboxFixture.Account account = sandbox.newAccount(url + "PLACEHOLDER", mode);
        // the callback names the account, so re-register with it (the sandbox replaces the configuration)
        sandbox.sandbox.registerApp(new SandboxApp(account.appId(), account.secret(), account.token(),
                account.aesKey(), url + account.appId(), mode, account.mchid(),
                TestVectors.text(SandboxFixture.PAY_VECTOR, "serial_no"),
                TestVectors.text(SandboxFixture.PAY_VECTOR, "public_key_pem")));
        CREDENTIALS.put(account.appId(), new PushCredentials(new AppId(account.appId()), Secret.of(account.token()),
                Option.of(account.aesKey()).map(Secret::of), SandboxApp.SAFE.equals(mode) ? PushMode.SAFE
                : PushMode.PLAIN));
        return account;
    }

    /** The next push for the account with this event name (others are skipped: pushes may arrive in any order). */
    private static WechatEvent next(SandboxFixture.Account account, String eventName) throws InterruptedException {
        BlockingQueue<Either<PushRejection, DecodedPush>> queue =
                RECEIVED.computeIfAbsent(account.appId(), id -> new LinkedBlockingQueue<>());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Either<PushRejection, DecodedPush>> skipped = new java.util.ArrayList<>();
        while (System.nanoTime() < until) {
            Either<PushRejection, DecodedPush> push = queue.poll(100, TimeUnit.MILLISECONDS);
            if (push == null) {
                continue;
            }
            assertThat(push.isRight()).as("the decoder refused a genuine push: %s", push.swap().getOrNull()).isTrue();
            WechatEvent event = ((DecodedPush.Event) push.get()).event();
            if (event.header().event().equals(eventName)) {
                queue.addAll(skipped);
                return event;
            }
            skipped.add(push);
        }
        throw new AssertionError("no " + eventName + " push arrived; got " + skipped);
    }

    @ParameterizedTest
    @ValueSource(strings = {SandboxApp.PLAIN, SandboxApp.SAFE})
    void decodes_what_a_card_and_its_member_go_through(String mode) throws Exception {
        SandboxFixture.Account account = account(mode);
        SandboxControl control = new SandboxControl(sandbox);
        WechatCardId refused = adapter.catalog().create(account.account(), Fixtures.definition()).get();
        WechatCardId cardId = adapter.catalog().create(account.account(),
                Fixtures.definitionActivatedBy(ActivationMode.MERCHANT_PAGE)).get();

        control.review(refused, false);
        assertThat(next(account, "card_not_pass_check")).isInstanceOf(WechatEvent.CardReviewRejected.class);
        control.review(cardId, true);
        assertThat(((WechatEvent.CardReviewPassed) next(account, "card_pass_check")).cardId()).isEqualTo(cardId);

        OpenId member = new OpenId("o" + SandboxFixture.shortId());
        Code code = new Code(sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/users",
                sandbox.object().put("openid", member.value()).put("outer_str", "store_42")).get("code").asText());
        WechatEvent.CardReceived received = (WechatEvent.CardReceived) next(account, "user_get_card");
        assertThat(received.code()).isEqualTo(code);
        assertThat(received.header().fromUserName()).isEqualTo(member.value());
        assertThat(received.outerStr()).contains("store_42");
        assertThat(received.restored()).isFalse();

        adapter.members().activate(account.account(), new WechatActivation(cardId, code, new MembershipNumber("M1"),
                Option.none(), Option.none(), Option.none())).get();
        adapter.members().updateMember(account.account(), new MemberUpdate(cardId, code, Points.of(120), Fen.of(3000),
                Option.of(120L), Option.of("sale"), Option.of(3000L), Option.of("top-up"), true, true)).get();
        sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/codes/" + code.value() + "/wechat-side-change",
                sandbox.object().put("bonus_delta", -20).put("balance_delta", 500).put("reason", "redeemed in WeChat"));
        WechatEvent.MemberTotalsChanged totals = (WechatEvent.MemberTotalsChanged) next(account, "update_member_card");
        assertThat(totals.modifyBonus()).isEqualTo(-20);
        assertThat(totals.modifyBalance()).isEqualTo(500);

        sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/codes/" + code.value() + "/delete", null);
        assertThat(((WechatEvent.CardDeletedByMember) next(account, "user_del_card")).code()).isEqualTo(code);
        sandbox.control("POST", "/sandbox/cards/" + cardId.value() + "/codes/" + code.value() + "/restore", null);
        WechatEvent.CardReceived restored = (WechatEvent.CardReceived) next(account, "user_get_card");
        assertThat(restored.restored()).isTrue();
        assertThat(restored.outerStr()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {SandboxApp.PLAIN, SandboxApp.SAFE})
    void passes_the_callback_handshake(String mode) {
        SandboxFixture.Account account = account(mode);

        var check = sandbox.control("POST", "/sandbox/apps/" + account.appId() + "/verify-callback", null);

        assertThat(check.toString()).contains("\"status\":\"verified\"");
    }

    @Test
    void decodes_the_one_click_form_submission() throws Exception {
        SandboxFixture.Account account = account(SandboxApp.SAFE);
        WechatCardId cardId = adapter.catalog().create(account.account(),
                Fixtures.definitionActivatedBy(ActivationMode.ONE_CLICK_FORM)).get();
        new SandboxControl(sandbox).review(cardId, true);
        Code code = new SandboxControl(sandbox).handOut(cardId, new OpenId("o" + SandboxFixture.shortId()));

        new SandboxControl(sandbox).submitForm(cardId, code, Map.of("USER_FORM_INFO_FLAG_MOBILE", "13800000000"));

        WechatEvent.ActivationFormSubmitted submitted =
                (WechatEvent.ActivationFormSubmitted) next(account, "submit_membercard_user_info");
        assertThat(submitted.cardId()).isEqualTo(cardId);
        assertThat(submitted.code()).isEqualTo(code);
    }

    @Test
    void refuses_pushes_when_the_account_is_configured_for_the_other_mode() throws Exception {
        SandboxFixture.Account account = account(SandboxApp.SAFE);
        PushCredentials safe = CREDENTIALS.get(account.appId());
        CREDENTIALS.put(account.appId(), new PushCredentials(safe.appId(), safe.token(), Option.none(), PushMode.PLAIN));
        WechatCardId cardId = adapter.catalog().create(account.account(), Fixtures.definition()).get();

        new SandboxControl(sandbox).review(cardId, true);

        Either<PushRejection, DecodedPush> push = RECEIVED.computeIfAbsent(account.appId(),
                id -> new LinkedBlockingQueue<>()).poll(10, TimeUnit.SECONDS);
        assertThat(push).isNotNull();
        assertThat(push.getLeft().reason()).isEqualTo(PushRejection.Reason.WRONG_MODE);
    }
}
