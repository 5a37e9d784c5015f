package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.in.AcceptWechatPushUseCase;
import io.wxcard.application.port.in.AcceptWechatPushUseCase.PushOutcome;
import io.wxcard.application.port.out.wechat.push.DecodedPush;
import io.wxcard.application.port.out.wechat.push.EventHeader;
import io.wxcard.application.port.out.wechat.push.PushRejection;
import io.wxcard.application.port.out.wechat.push.PushRequest;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.card.CardState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WeChat's pushes: passed untouched to the use case, answered in WeChat's terms, always within the time limit. */
class PushRoutesTest {

    private static ApiHarness h;
    /** A harness whose push use case records what it got, and sleeps or fails for chosen bodies. */
    private static ApiHarness probed;
    private static final AtomicReference<PushRequest> RECEIVED = new AtomicReference<>();
    private static final AtomicReference<String> HANDLED_ON = new AtomicReference<>();

    @BeforeAll
    static void start() {
        h = new ApiHarness();
        RestApi.Tuning quick = new RestApi.Tuning(Duration.ofMillis(300), Duration.ofSeconds(5));
        probed = new ApiHarness(useCases -> withPush(useCases, (tenant, request) -> {
            RECEIVED.set(request);
            HANDLED_ON.set(Thread.currentThread().getName());
            String body = new String(request.body(), StandardCharsets.UTF_8);
            if (body.equals("slow")) {
                sleep(2000);
            }
            if (body.equals("fail")) {
                throw new IllegalStateException("the database is gone");
            }
            return new PushOutcome.Accepted("noted");
        }), quick, () -> true, RestSettings.DEFAULT_MAX_BODY_BYTES);
    }

    @AfterAll
    static void stop() {
        h.close();
        probed.close();
    }

    private static Http.Answer push(ApiHarness harness, String path, String body) {
        return harness.anonymous.send("POST", path, body.getBytes(StandardCharsets.UTF_8), "text/xml", Map.of());
    }

    @Test
    void answers_the_configuration_handshake_with_echostr_unchanged() {
        Merchant m = h.newMerchant();
        h.decoder.willDecode("", new DecodedPush.Handshake("echo-7731"));

        Http.Answer answer = h.anonymous.get("/wechat/" + m.tenant + "/events?signature=abc&timestamp=1&nonce=2&echostr=echo-7731");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/plain");
        assertThat(answer.body()).isEqualTo("echo-7731");
    }

    @Test
    void handles_a_verified_event_and_answers_success() {
        Merchant m = h.newMerchant();
        String cardId = m.submitted(Cards.minimal());
        String xml = "<xml><Event>card_pass_check</Event><CardId>" + m.wechatCardId(cardId) + "</CardId></xml>";
        h.decoder.willDecode(xml, new DecodedPush.Event(new WechatEvent.CardReviewPassed(
                new EventHeader("gh_tea", "system", 1_790_000_000L, "card_pass_check"), m.wechatCardId(cardId))));

        Http.Answer answer = push(h, "/wechat/" + m.tenant + "/events?signature=s&timestamp=1&nonce=n", xml);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("success");
        // The push is kept in the inbox and applied in the background: its effect follows the answer.
        assertThat(eventually(() -> m.card(cardId).state(), CardState.APPROVED)).isEqualTo(CardState.APPROVED);
    }

    /** What {@code read} answers once it answers {@code expected}, or its last answer after 10 seconds. */
    private static <T> T eventually(java.util.function.Supplier<T> read, T expected) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        T last = read.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            sleep(20);
            last = read.get();
        }
        return last;
    }

    @Test
    void a_refused_push_is_401_for_a_bad_signature_and_403_otherwise_with_the_reason_only() {
        Merchant m = h.newMerchant();
        h.decoder.willRefuse("<xml>forged</xml>", new PushRejection(PushRejection.Reason.BAD_SIGNATURE, "expected 3f2a..."));
        h.decoder.willRefuse("<xml>other app</xml>", new PushRejection(PushRejection.Reason.WRONG_APPID, "wx_other"));

        Http.Answer forged = push(h, "/wechat/" + m.tenant + "/events", "<xml>forged</xml>");
        Http.Answer otherApp = push(h, "/wechat/" + m.tenant + "/events", "<xml>other app</xml>");

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.body()).isEqualTo("BAD_SIGNATURE");
        assertThat(otherApp.status()).isEqualTo(403);
        assertThat(otherApp.body()).isEqualTo("WRONG_APPID");
    }

    @Test
    void an_unknown_or_impossible_tenant_is_a_404() {
        assertThat(push(h, "/wechat/no_such_tenant/events", "<xml/>").status()).isEqualTo(404);
        assertThat(push(h, "/wechat/bad%20tenant/events", "<xml/>").status()).isEqualTo(404);
        assertThat(push(h, "/wechat/no_such_tenant/events", "<xml/>").body()).isEqualTo("unknown tenant");
    }

    @Test
    void passes_the_method_every_query_parameter_and_the_raw_body_bytes_untouched() {
        byte[] raw = {'<', 'x', '>', (byte) 0xE8, (byte) 0x8C, (byte) 0xB6, ' ', '\r', '\n', '<', '/', 'x', '>'};

        Http.Answer answer = probed.anonymous.send("POST",
                "/wechat/tenant_x/events?signature=s1&timestamp=17&nonce=n%2B1&encrypt_type=aes&msg_signature=m&openid=o1",
                raw, "text/xml", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        PushRequest received = RECEIVED.get();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo(raw);
        assertThat(received.query()).containsEntry("nonce", "n+1").containsEntry("encrypt_type", "aes")
                .containsEntry("openid", "o1").hasSize(6);
        assertThat(HANDLED_ON.get()).as("on the executor the API was handed, not a pool of its own")
                .isEqualTo(ApiHarness.PUSH_THREAD);
    }

    @Test
    void a_push_not_handled_within_the_time_limit_is_answered_503_at_once_so_that_wechat_retries() {
        long started = System.nanoTime();
        Http.Answer answer = push(probed, "/wechat/tenant_x/events", "slow");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).isEqualTo(503);
        assertThat(millis).isLessThan(1500);
    }

    @Test
    void a_push_whose_handling_fails_is_a_500_text_without_details() {
        Http.Answer answer = push(probed, "/wechat/tenant_x/events", "fail");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo("error");
    }

    @Test
    void a_push_larger_than_the_body_limit_is_a_413() {
        Http.Answer answer = push(h, "/wechat/tenant_1/events", "x".repeat(2 * 1024 * 1024));

        assertThat(answer.status()).isEqualTo(413);
    }

    private static RestUseCases withPush(RestUseCases u, AcceptWechatPushUseCase push) {
        return new RestUseCases(u.draftCard(), u.editCard(), u.submitCard(), u.setTestWhitelist(),
                u.configureActivationForm(), u.distributeCard(), u.deleteCard(), u.findCards(), u.activateMembership(),
                u.changeLedger(), u.invalidateMembership(), u.pullMemberInfo(), u.findMemberships(), u.importMembers(),
                push, u.authenticateApiKey(), u.uploadCardImage(), u.findMembers(), u.changeFeed(),
                u.manageWebhooks(), u.activationPages(), u.wechatPay(), u.applyLedgerBatch(),
                u.cardStatistics());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
