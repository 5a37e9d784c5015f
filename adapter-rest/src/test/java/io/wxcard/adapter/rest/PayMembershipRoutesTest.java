package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.application.port.out.wechat.WechatError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/cards/{id}/memberships/{code}/wechat-pay} (issue 20): WeChat Pay's side of a membership; and a member
 * imported by phone through WeChat Pay found by that phone once WeChat Pay's notification makes the membership.
 */
class PayMembershipRoutesTest {

    private static ApiHarness h;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static String path(String[] member) {
        return "/v1/cards/" + member[0] + "/memberships/" + member[1];
    }

    @Test
    void shows_what_wechat_pay_holds_and_whether_it_equals_the_ledger() {
        Merchant m = h.newMerchant().withPayCredentials();
        String[] member = m.member(Cards.minimal());
        assertThat(m.http.post("/v1/cards/" + member[0] + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}")
                .status()).isEqualTo(200);
        assertThat(m.http.post(path(member) + "/points", "{\"delta\":25,\"reason\":\"purchase\"}",
                java.util.Map.of("Idempotency-Key", "p-1")).status()).isEqualTo(201);

        Http.Answer before = m.http.get(path(member) + "/wechat-pay");
        h.app.dispatchOutbox().dispatchDue(50);
        Http.Answer after = m.http.get(path(member) + "/wechat-pay");

        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().get("points").asLong()).isZero();
        assertThat(before.json().get("ledger_points").asLong()).isEqualTo(25);
        assertThat(before.json().get("points_match").asBoolean()).isFalse();
        assertThat(before.json().get("matches_ledger").asBoolean()).isFalse();
        assertThat(after.json().get("points").asLong()).isEqualTo(25);
        assertThat(after.json().get("matches_ledger").asBoolean()).isTrue();
        assertThat(after.json().get("status").asText()).isNotBlank();
        assertThat(after.json().get("code").asText()).isEqualTo(member[1]);
        assertThat(after.json().get("wechat_card_id").asText()).isEqualTo(m.wechatCardId(member[0]).value());
    }

    @Test
    void a_card_not_upgraded_is_a_conflict_naming_the_upgrade() {
        Merchant m = h.newMerchant().withPayCredentials();
        String[] member = m.member(Cards.minimal());

        Http.Answer refused = m.http.get(path(member) + "/wechat-pay");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("card-not-upgraded-for-wechat-pay");
        assertThat(refused.json().get("detail").asText()).contains("not upgraded for WeChat Pay");
    }

    @Test
    void wechat_pay_unreachable_is_503_with_retry_after() {
        Merchant m = h.newMerchant().withPayCredentials();
        String[] member = m.member(Cards.minimal());
        m.http.post("/v1/cards/" + member[0] + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}");
        h.wechat.failNext(new WechatError(WechatError.Kind.TRANSIENT, "SYSTEM_ERROR", "系统错误"));

        Http.Answer unavailable = m.http.get(path(member) + "/wechat-pay");

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("30");
    }

    @Test
    void an_unknown_membership_is_404() {
        Merchant m = h.newMerchant().withPayCredentials();
        String[] member = m.member(Cards.minimal());

        assertThat(m.http.get("/v1/cards/" + member[0] + "/memberships/999999999999/wechat-pay").status())
                .isEqualTo(404);
    }

    @Test
    void a_member_imported_by_phone_is_found_by_it_after_the_notification_with_the_phone_masked() {
        Merchant m = h.newMerchant().withPayCredentials();
        String cardId = m.approved(Cards.minimal());
        m.http.post("/v1/cards/" + cardId + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}");
        Http.Answer imported = m.http.post("/v1/cards/" + cardId + "/phone-imports", "{\"phone\":\"134 0013 4000\"}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String code = imported.json().get("code").asText();
        assertThat(m.http.get("/v1/members?phone=13400134000").json().get("items")).isEmpty();

        byte[] body = h.wechat.memberCardNotification("MEMBERCARD.ACTIVATE_CARD", m.wechatCardId(cardId),
                new io.wxcard.domain.membership.Code(code), new io.wxcard.domain.membership.OpenId("oImported1"));
        assertThat(h.client(null).send("POST", "/wechatpay/" + m.tenant.value() + "/notifications", body,
                "application/json", java.util.Map.of()).status()).isEqualTo(200);

        Http.Answer found = m.http.get("/v1/members?phone=%2B86%20134%200013%204000");
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(found.json().at("/items/0/code").asText()).isEqualTo(code);
        assertThat(found.json().at("/items/0/phone").asText()).isEqualTo("134****4000");
        assertThat(found.body()).doesNotContain("13400134000");
    }
}
