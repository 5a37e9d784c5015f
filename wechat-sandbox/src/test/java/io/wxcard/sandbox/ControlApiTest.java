package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ControlApiTest {

    @Test
    void registers_an_app_over_http_and_lists_it_without_secrets() {
        try (Fixture f = Fixture.start()) {
            Http.Response registered = f.control("/sandbox/apps", "{\"appid\":\"wxhttp00000000001\","
                    + "\"secret\":\"http-secret\",\"token\":\"http-token\",\"encoding_aes_key\":\""
                    + TestVectors.load("wechat-msg-crypto.json").get("encoding_aes_key").asText() + "\","
                    + "\"callback_url\":\"http://127.0.0.1:1/cb\",\"mode\":\"safe\",\"mchid\":\"1900000001\","
                    + "\"merchant_serial\":\"ABC\",\"merchant_public_key_pem\":"
                    + Http.json(TestVectors.load("wechatpay-v3.json").get("public_key_pem").asText()) + "}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            assertThat(registered.json().get("original_id").asText()).startsWith("gh_");

            assertThat(f.http.get("/cgi-bin/token?grant_type=client_credential&appid=wxhttp00000000001"
                    + "&secret=http-secret").errcode()).isZero();
            String apps = f.http.get("/sandbox/apps").body();
            assertThat(apps).contains("wxhttp00000000001", "safe", "1900000001")
                    .doesNotContain("http-secret").doesNotContain("http-token");
        }
    }

    @Test
    void refuses_incomplete_app_registrations() {
        try (Fixture f = Fixture.start()) {
            assertThat(f.control("/sandbox/apps", "{\"appid\":\"wx1\"}").status()).isEqualTo(400);
            assertThat(f.control("/sandbox/apps", "{\"appid\":\"wx1\",\"secret\":\"s\",\"mode\":\"safe\"}")
                    .json().get("errcode").asInt()).isEqualTo(40097);
            assertThat(f.control("/sandbox/apps", "{\"appid\":\"wx1\",\"secret\":\"s\",\"mchid\":\"1\","
                    + "\"merchant_serial\":\"S\",\"merchant_public_key_pem\":\"not a key\"}").status())
                    .isEqualTo(400);
            assertThat(f.control("/sandbox/apps", "{broken").json().get("errcode").asInt()).isEqualTo(47001);
        }
    }

    @Test
    void the_call_log_filters_by_path_and_app_and_stats_count_calls_per_path() {
        try (Fixture f = Fixture.start()) {
            String cardId = f.createCard(Fixture.memberCard());
            f.oa("/card/get", "{\"card_id\":\"" + cardId + "\"}");
            f.oa("/card/get", "{\"card_id\":\"pUnknown\"}");

            JsonNode calls = f.http.get("/sandbox/calls?path=/card/get&appid=" + Fixture.APP_ID).json().get("calls");
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).get("errcode").asInt()).isZero();
            assertThat(calls.get(1).get("errcode").asInt()).isEqualTo(40073);
            assertThat(calls.get(1).get("appid").asText()).isEqualTo(Fixture.APP_ID);
            assertThat(calls.get(1).get("time").asLong()).isPositive();
            assertThat(f.http.get("/sandbox/calls?limit=1").json().get("calls")).hasSize(1);

            JsonNode perPath = f.http.get("/sandbox/stats").json().get("calls_per_path");
            assertThat(perPath.get("/card/get").asInt()).isEqualTo(2);
            assertThat(perPath.get("/card/create").asInt()).isEqualTo(1);
        }
    }

    @Test
    void reset_forgets_cards_members_tokens_and_logs_but_keeps_apps() {
        try (Fixture f = Fixture.start()) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oReset1");
            String oldToken = f.token();

            assertThat(f.control("/sandbox/reset", "").status()).isEqualTo(200);

            assertThat(f.http.get("/sandbox/calls").json().get("calls")).isEmpty();
            assertThat(f.http.get("/sandbox/stats").json().get("token_fetches").asInt()).isZero();
            assertThat(f.http.get("/sandbox/cards/" + cardId + "/codes/" + code).status()).isEqualTo(404);
            assertThat(f.http.post("/card/get?access_token=" + oldToken, "{\"card_id\":\"" + cardId + "\"}")
                    .errcode()).isEqualTo(40001);
            assertThat(f.http.get("/cgi-bin/token?grant_type=client_credential&appid=" + Fixture.APP_ID
                    + "&secret=" + Fixture.SECRET).errcode()).isZero();
        }
    }

    @Test
    void shows_a_cards_summary_and_answers_404_for_unknown_cards_and_codes() {
        try (Fixture f = Fixture.start()) {
            String cardId = f.createCard(Fixture.memberCard());

            JsonNode summary = f.http.get("/sandbox/cards/" + cardId).json();
            assertThat(summary.get("status").asText()).isEqualTo("CARD_STATUS_NOT_VERIFY");
            assertThat(summary.get("quantity").asInt()).isEqualTo(100);
            assertThat(f.http.get("/sandbox/cards/pNope").status()).isEqualTo(404);
            assertThat(f.http.get("/sandbox/cards/" + cardId + "/codes/123").status()).isEqualTo(404);
            assertThat(f.http.get("/sandbox/health").json().get("status").asText()).isEqualTo("UP");
        }
    }
}
