package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/cards/{id}/wechat-pay-upgrade} (issue 14 item 3). */
class PayRoutesTest {

    private static ApiHarness h;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void upgrades_a_card_and_shows_the_brand_on_the_card() {
        Merchant m = h.newMerchant().withPayCredentials();
        String cardId = m.approved(Cards.minimal());

        Http.Answer upgraded = m.http.post("/v1/cards/" + cardId + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}");

        assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(200);
        assertThat(upgraded.json().get("wechat_pay_upgrade").get("brand_id").asText()).isEqualTo("1001622624");
        assertThat(m.http.get("/v1/cards/" + cardId).json().get("wechat_pay_upgrade").get("upgraded_at").asText())
                .isNotBlank();
        assertThat(h.wechat.isUpgraded(m.wechatCardId(cardId))).isTrue();
    }

    @Test
    void a_card_not_upgraded_shows_no_upgrade() {
        Merchant m = h.newMerchant();
        String cardId = m.approved(Cards.minimal());

        assertThat(m.http.get("/v1/cards/" + cardId).json().has("wechat_pay_upgrade")).isFalse();
    }

    @Test
    void another_brand_after_the_upgrade_is_a_conflict_that_names_both_and_changes_nothing() {
        Merchant m = h.newMerchant().withPayCredentials();
        String cardId = m.approved(Cards.minimal());
        m.http.post("/v1/cards/" + cardId + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}");
        String before = h.state();

        Http.Answer moved = m.http.post("/v1/cards/" + cardId + "/wechat-pay-upgrade", "{\"brand_id\":\"2002\"}");

        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.json().get("type").asText()).endsWith("card-upgraded-under-another-brand");
        assertThat(moved.json().get("detail").asText()).contains("1001622624", "2002");
        assertThat(h.state()).isEqualTo(before);
    }

    @Test
    void a_missing_or_malformed_brand_is_refused_naming_it_and_changes_nothing() {
        Merchant m = h.newMerchant().withPayCredentials();
        String cardId = m.approved(Cards.minimal());
        String before = h.state();

        Http.Answer missing = m.http.post("/v1/cards/" + cardId + "/wechat-pay-upgrade", "{}");
        Http.Answer tooLong = m.http.post("/v1/cards/" + cardId + "/wechat-pay-upgrade",
                "{\"brand_id\":\"12345678901234567\"}");

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("brand_id");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("detail").asText()).contains("brand_id");
        assertThat(h.state()).isEqualTo(before);
        assertThat(h.wechat.isUpgraded(m.wechatCardId(cardId))).isFalse();
    }

    @Test
    void a_tenant_without_wechat_pay_credentials_is_told_what_the_upgrade_needs() {
        Merchant m = h.newMerchant();
        String cardId = m.approved(Cards.minimal());

        Http.Answer refused = m.http.post("/v1/cards/" + cardId + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("WeChat Pay merchant credentials");
    }

    @Test
    void imports_by_phone_into_an_upgraded_card_and_refuses_a_phone_that_is_not_one() {
        Merchant m = h.newMerchant().withPayCredentials();
        String cardId = m.approved(Cards.minimal());
        Http.Answer notUpgraded = m.http.post("/v1/cards/" + cardId + "/phone-imports", "{\"phone\":\"13800138000\"}");
        m.http.post("/v1/cards/" + cardId + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}");

        Http.Answer imported = m.http.post("/v1/cards/" + cardId + "/phone-imports", "{\"phone\":\"13800138000\"}");
        Http.Answer notAPhone = m.http.post("/v1/cards/" + cardId + "/phone-imports", "{\"phone\":\"call me\"}");
        Http.Answer foreign = m.http.post("/v1/cards/" + cardId + "/phone-imports", "{\"phone\":\"+44 20 7946 0958\"}");

        assertThat(notUpgraded.status()).isEqualTo(409);
        assertThat(notUpgraded.json().get("type").asText()).endsWith("card-not-upgraded-for-wechat-pay");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("code").asText()).isNotBlank();
        assertThat(notAPhone.status()).isEqualTo(422);
        assertThat(notAPhone.json().get("errors").get(0).get("field").asText()).isEqualTo("phone");
        assertThat(notAPhone.body()).doesNotContain("call me");
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().get("detail").asText()).contains("mainland mobile");
    }

    @Test
    void registers_the_notification_url_and_refuses_one_that_is_not_a_url() {
        Merchant m = h.newMerchant().withPayCredentials();

        Http.Answer registered = m.http.send("PUT", "/v1/wechat-pay/callback",
                "{\"url\":\"https://cards.example.com/wechatpay/t/notifications\"}".getBytes(), "application/json",
                java.util.Map.of());
        Http.Answer refused = m.http.send("PUT", "/v1/wechat-pay/callback", "{\"url\":\"not a url\"}".getBytes(),
                "application/json", java.util.Map.of());

        assertThat(registered.status()).as(registered.body()).isEqualTo(204);
        assertThat(h.wechat.callbackUrl()).hasToString("https://cards.example.com/wechatpay/t/notifications");
        assertThat(refused.status()).isEqualTo(422);
    }

    @Test
    void a_notification_makes_the_membership_once_and_a_forged_one_is_401() {
        Merchant m = h.newMerchant().withPayCredentials();
        String cardId = m.approved(Cards.minimal());
        byte[] body = h.wechat.memberCardNotification("MEMBERCARD.ACTIVATE_CARD", m.wechatCardId(cardId),
                new io.wxcard.domain.membership.Code("770000001"), new io.wxcard.domain.membership.OpenId("oNotified1"));
        Http anonymous = h.client(null);
        String path = "/wechatpay/" + m.tenant.value() + "/notifications";

        Http.Answer first = anonymous.send("POST", path, body, "application/json", java.util.Map.of());
        Http.Answer again = anonymous.send("POST", path, body, "application/json", java.util.Map.of());
        Http.Answer forged = anonymous.send("POST", path, "{\"id\":\"EV-forged\"}".getBytes(), "application/json",
                java.util.Map.of());

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("code").asText()).isEqualTo("SUCCESS");
        assertThat(again.status()).isEqualTo(200);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(m.http.get("/v1/cards/" + cardId + "/memberships/770000001").json().get("state").asText())
                .isEqualTo("ACTIVATED");
    }
}
