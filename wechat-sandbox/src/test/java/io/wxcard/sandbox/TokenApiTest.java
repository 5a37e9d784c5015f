package io.wxcard.sandbox;

import static io.wxcard.sandbox.Fixture.APP_ID;
import static io.wxcard.sandbox.Fixture.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenApiTest {
    private static final String CARD_GET = "/card/batchget?access_token=";
    private static final String BATCHGET_BODY = "{\"offset\":0,\"count\":10}";

    private static Fixture start(SandboxSettings settings) {
        return Fixture.start(settings, SandboxApp.plain(APP_ID, SECRET, Fixture.TOKEN, null));
    }

    private static Http.Response token(Http http, String appId, String secret) {
        return http.get("/cgi-bin/token?grant_type=client_credential&appid=" + appId + "&secret=" + secret);
    }

    private static int callWith(Http http, String token) {
        return http.post(CARD_GET + token, BATCHGET_BODY).errcode();
    }

    @Test
    void issues_a_token_with_its_lifetime_in_wechat_json() {
        try (Fixture f = start(SandboxSettings.defaults())) {
            Http.Response response = token(f.http, APP_ID, SECRET);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).isEqualTo("application/json; encoding=utf-8");
            // WeChat's documented success answer is only access_token and expires_in (errcode only on errors)
            assertThat(response.json().has("errcode")).isFalse();
            assertThat(response.json().has("errmsg")).isFalse();
            assertThat(response.json().get("access_token").asText()).hasSizeGreaterThan(100);
            assertThat(response.json().get("expires_in").asInt()).isEqualTo(7200);
            assertThat(callWith(f.http, response.json().get("access_token").asText())).isZero();
        }
    }

    @Test
    void refuses_bad_credentials_with_wechat_errcodes() {
        try (Fixture f = start(SandboxSettings.defaults())) {
            assertThat(token(f.http, "wxunknown", SECRET).errcode()).isEqualTo(40013);
            assertThat(token(f.http, APP_ID, "wrong").errcode()).isEqualTo(40125);
            assertThat(f.http.get("/cgi-bin/token?grant_type=client_credential&secret=x").errcode()).isEqualTo(41002);
            assertThat(f.http.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP_ID).errcode())
                    .isEqualTo(41004);
            assertThat(f.http.get("/cgi-bin/token?grant_type=password&appid=" + APP_ID + "&secret=" + SECRET)
                    .errcode()).isEqualTo(40002);
        }
    }

    @Test
    void card_calls_refuse_missing_illegal_and_unknown_tokens() {
        try (Fixture f = start(SandboxSettings.defaults())) {
            assertThat(f.http.post("/card/batchget", BATCHGET_BODY).errcode()).isEqualTo(41001);
            assertThat(callWith(f.http, "not%20a%20token")).isEqualTo(40014);
            assertThat(callWith(f.http, "AbCdEf0123456789")).isEqualTo(40001);
        }
    }

    @Test
    void a_new_token_supersedes_the_old_one_after_the_overlap() {
        try (Fixture f = start(SandboxSettings.defaults().withTokenOverlap(Duration.ZERO))) {
            String first = token(f.http, APP_ID, SECRET).json().get("access_token").asText();
            String second = token(f.http, APP_ID, SECRET).json().get("access_token").asText();

            assertThat(second).isNotEqualTo(first);
            assertThat(callWith(f.http, first)).isEqualTo(40001);
            assertThat(callWith(f.http, second)).isZero();
        }
    }

    @Test
    void the_old_token_keeps_working_during_the_overlap() {
        try (Fixture f = start(SandboxSettings.defaults())) {
            String first = token(f.http, APP_ID, SECRET).json().get("access_token").asText();
            token(f.http, APP_ID, SECRET);

            assertThat(callWith(f.http, first)).isZero();
        }
    }

    @Test
    void tokens_expire_after_their_lifetime() throws InterruptedException {
        try (Fixture f = start(SandboxSettings.defaults().withTokenLifetime(Duration.ofMillis(300)))) {
            String token = token(f.http, APP_ID, SECRET).json().get("access_token").asText();
            Thread.sleep(450);

            assertThat(callWith(f.http, token)).isEqualTo(42001);
        }
    }

    @Test
    void the_expire_tokens_fault_expires_every_token_at_once() {
        try (Fixture f = start(SandboxSettings.defaults())) {
            String token = f.token();
            f.control("/sandbox/faults", "{\"expire_tokens\":true}");

            assertThat(callWith(f.http, token)).isEqualTo(42001);
            assertThat(callWith(f.http, token(f.http, APP_ID, SECRET).json().get("access_token").asText())).isZero();
        }
    }

    @Test
    void the_daily_quota_answers_45009() {
        try (Fixture f = start(SandboxSettings.defaults().withDailyTokenQuota(2))) {
            assertThat(token(f.http, APP_ID, SECRET).errcode()).isZero();
            assertThat(token(f.http, APP_ID, SECRET).errcode()).isZero();
            assertThat(token(f.http, APP_ID, SECRET).errcode()).isEqualTo(45009);
            // the stable token has its own quota
            assertThat(stable(f.http, false).errcode()).isZero();
        }
    }

    private static Http.Response stable(Http http, boolean force) {
        return http.post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID
                + "\",\"secret\":\"" + SECRET + "\",\"force_refresh\":" + force + "}");
    }

    @Test
    void stable_token_answers_the_same_token_until_forced_and_stays_apart_from_token() {
        try (Fixture f = start(SandboxSettings.defaults().withTokenOverlap(Duration.ZERO))) {
            String first = stable(f.http, false).json().get("access_token").asText();
            assertThat(stable(f.http, false).json().get("access_token").asText()).isEqualTo(first);

            token(f.http, APP_ID, SECRET); // a /cgi-bin/token fetch does not touch the stable series
            assertThat(callWith(f.http, first)).isZero();

            String forced = stable(f.http, true).json().get("access_token").asText();
            assertThat(forced).isNotEqualTo(first);
            assertThat(callWith(f.http, first)).isEqualTo(40001);
            assertThat(callWith(f.http, forced)).isZero();
        }
    }

    @Test
    void a_forced_stable_refresh_invalidates_the_previous_token_at_once_and_is_spaced_30_s() {
        try (Fixture f = start(SandboxSettings.defaults())) { // default 300 s overlap: not for forced refreshes
            Http.Response first = stable(f.http, false);
            assertThat(first.json().has("errcode")).isFalse();
            String before = first.json().get("access_token").asText();

            String forced = stable(f.http, true).json().get("access_token").asText();
            assertThat(forced).isNotEqualTo(before);
            assertThat(callWith(f.http, before)).isEqualTo(40001);
            assertThat(callWith(f.http, forced)).isZero();

            // a second forced refresh within 30 s does not refresh: the current token comes back
            assertThat(stable(f.http, true).json().get("access_token").asText()).isEqualTo(forced);
            assertThat(callWith(f.http, forced)).isZero();
            assertThat(stable(f.http, false).json().get("access_token").asText()).isEqualTo(forced);
        }
    }

    @Test
    void without_the_limits_every_forced_refresh_makes_a_new_token() {
        try (Fixture f = start(SandboxSettings.defaults().withForceRefreshLimits(false))) {
            String one = stable(f.http, true).json().get("access_token").asText();
            String two = stable(f.http, true).json().get("access_token").asText();
            assertThat(two).isNotEqualTo(one);
            assertThat(callWith(f.http, one)).isEqualTo(40001);
        }
    }

    @Test
    void stable_token_checks_credentials_and_json() {
        try (Fixture f = start(SandboxSettings.defaults())) {
            assertThat(f.http.post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\""
                    + APP_ID + "\",\"secret\":\"nope\"}").errcode()).isEqualTo(40125);
            assertThat(f.http.post("/cgi-bin/stable_token", "{not json").errcode()).isEqualTo(47001);
            assertThat(f.http.post("/cgi-bin/stable_token", "").errcode()).isEqualTo(44002);
        }
    }

    @Test
    void the_card_api_ticket_stays_the_same_until_it_expires() {
        try (Fixture f = start(SandboxSettings.defaults())) {
            Http.Response first = f.http.get("/cgi-bin/ticket/getticket?type=wx_card&access_token=" + f.token());
            Http.Response second = f.http.get("/cgi-bin/ticket/getticket?type=wx_card&access_token=" + f.token());

            assertThat(first.errcode()).isZero();
            assertThat(first.json().get("ticket").asText()).isNotEmpty()
                    .isEqualTo(second.json().get("ticket").asText());
            assertThat(first.json().get("expires_in").asInt()).isEqualTo(7200);
            assertThat(f.http.get("/cgi-bin/ticket/getticket?type=other&access_token=" + f.token()).errcode())
                    .isEqualTo(40097);
            assertThat(f.http.get("/cgi-bin/ticket/getticket?type=wx_card").errcode()).isEqualTo(41001);
        }
    }

    @Test
    void stats_count_token_fetches_and_the_call_log_never_shows_secrets() {
        try (Fixture f = start(SandboxSettings.defaults())) {
            String token = f.token();
            token(f.http, APP_ID, "wrong");
            callWith(f.http, token);

            assertThat(f.http.get("/sandbox/stats").json().get("token_fetches").asInt()).isEqualTo(1);
            String calls = f.http.get("/sandbox/calls").body();
            assertThat(calls).contains("/cgi-bin/token", "/card/batchget", "40125", APP_ID)
                    .doesNotContain(SECRET).doesNotContain(token);
        }
    }
}
