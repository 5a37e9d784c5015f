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
}
