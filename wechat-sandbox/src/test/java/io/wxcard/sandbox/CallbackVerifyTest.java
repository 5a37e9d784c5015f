package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WeChat's server-configuration handshake (GET with echostr) to the callback URL, when the settings ask for it. */
class CallbackVerifyTest {
    private static final String APP_ID = "wxverify000000001";

    private static SandboxSettings verifying() {
        return SandboxSettings.defaults().withoutAutoReview().withVerifyCallbacks(true)
                .withPushTimeout(Duration.ofMillis(800));
    }

    private static String registration(String callbackUrl) {
        return "{\"appid\":\"" + APP_ID + "\",\"secret\":\"s\",\"token\":\"" + Fixture.TOKEN + "\","
                + "\"callback_url\":\"" + callbackUrl + "\"}";
    }

    @Test
    void registering_over_http_sends_the_handshake_and_answers_its_result() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, APP_ID);
             WechatSandbox sandbox = WechatSandbox.start(verifying())) {
            Http http = new Http(sandbox.baseUrl());

            Http.Response answer = http.post("/sandbox/apps", registration(receiver.url()));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode check = answer.json().get("callback_check");
            assertThat(check.get("status").asText()).as(answer.body()).isEqualTo("verified");
            assertThat(check.get("attempts").asInt()).isEqualTo(1);
            assertThat(receiver.handshakes()).singleElement().satisfies(h -> {
                assertThat(h.signatureValid()).isTrue();
                assertThat(h.query()).containsKeys("signature", "timestamp", "nonce", "echostr");
                assertThat(h.query().get("echostr")).matches("\\d{19}");
            });
            assertThat(http.get("/sandbox/apps").json().get("apps").get(0).get("callback_check").get("status")
                    .asText()).isEqualTo("verified");
        }
    }

    @Test
    void a_wrong_answer_or_an_unreachable_callback_is_reported_but_the_account_is_registered() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, APP_ID);
             WechatSandbox sandbox = WechatSandbox.start(verifying())) {
            Http http = new Http(sandbox.baseUrl());
            receiver.answerHandshakeWith("success");

            Http.Response wrong = http.post("/sandbox/apps", registration(receiver.url()));
            assertThat(wrong.status()).isEqualTo(200);
            assertThat(wrong.json().get("callback_check").get("status").asText()).isEqualTo("failed");
            assertThat(wrong.json().get("callback_check").get("detail").asText()).contains("\"success\"");
            assertThat(http.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP_ID + "&secret=s")
                    .errcode()).isZero();

            receiver.answerHandshakeWith(null);
            Http.Response again = http.post("/sandbox/apps/" + APP_ID + "/verify-callback", "");
            assertThat(again.json().get("callback_check").get("status").asText()).isEqualTo("verified");

            Http.Response unreachable = http.post("/sandbox/apps", registration("http://127.0.0.1:" + freePort()
                    + "/wechat/callback"));
            assertThat(unreachable.status()).isEqualTo(200);
            assertThat(unreachable.json().get("callback_check").get("status").asText()).isEqualTo("failed");
            assertThat(unreachable.json().get("callback_check").get("detail").asText()).contains("not reachable");

            assertThat(http.post("/sandbox/apps/wxnobody/verify-callback", "").status()).isEqualTo(404);
            http.post("/sandbox/apps", "{\"appid\":\"wxnocallback\",\"secret\":\"s\"}");
            assertThat(http.post("/sandbox/apps/wxnocallback/verify-callback", "").status()).isEqualTo(400);
        }
    }

    @Test
    void the_embedded_registration_checks_in_the_background_and_waits_for_a_callback_not_up_yet()
            throws Exception {
        int port = freePort();
        try (WechatSandbox sandbox = WechatSandbox.start(verifying())) {
            sandbox.registerApp(SandboxApp.plain(APP_ID, "s", Fixture.TOKEN,
                    "http://127.0.0.1:" + port + "/wechat/callback"));
            assertThat(sandbox.callbackCheck(APP_ID)).isPresent(); // registration returned at once

            Thread.sleep(300); // the first attempt finds nobody listening
            try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, APP_ID, port)) {
                CallbackCheck check = awaitDecided(sandbox, APP_ID);
                assertThat(check.status()).as(check.toString()).isEqualTo(CallbackCheck.Status.VERIFIED);
                assertThat(check.attempts()).isGreaterThan(1);
                assertThat(receiver.handshakes()).hasSize(1);
                assertThat(sandbox.verifyCallback(APP_ID).verified()).isTrue();
            }
        }
    }

    @Test
    void without_the_setting_no_handshake_is_sent_and_pushes_flow_anyway() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = Fixture.start(SandboxSettings.defaults().withoutAutoReview(),
                     SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET, Fixture.TOKEN, receiver.url()))) {
            String cardId = f.approvedCard(Fixture.memberCard());
            assertThat(receiver.awaitEvent("card_pass_check", cardId, 1)).hasSize(1);

            assertThat(receiver.handshakes()).isEmpty();
            assertThat(f.sandbox.callbackCheck(Fixture.APP_ID)).isEmpty();
            assertThat(f.http.get("/sandbox/apps").json().get("apps").get(0).get("callback_check").isNull())
                    .isTrue();
            assertThatThrownBy(() -> f.sandbox.verifyCallback("wxunknown"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static CallbackCheck awaitDecided(WechatSandbox sandbox, String appId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        Optional<CallbackCheck> check;
        do {
            check = sandbox.callbackCheck(appId);
            if (check.isPresent() && check.get().status() != CallbackCheck.Status.CHECKING) {
                return check.get();
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        return check.orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
