package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A payment under a pay-to-join rule gives its card, and user_get_card says the receipt came after a payment. */
class PayToJoinTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static long rule(String cardId, String mchid, long least, long max, long begin, long end) {
        Http.Response added = f.oa("/card/paygiftcard/add", """
                {"rule_info": {"type": "RULE_TYPE_PAY_MEMBER_CARD",
                 "base_info": {"mchid_list": ["%s"], "begin_time": %d, "end_time": %d},
                 "member_rule": {"card_id": "%s", "least_cost": %d, "max_cost": %d}}}"""
                .formatted(mchid, begin, end, cardId, least, max));
        assertThat(added.errcode()).as(added.body()).isZero();
        return added.json().get("rule_id").asLong();
    }

    private static JsonNode pay(String mchid, String openid, long fen) {
        return f.control("/sandbox/payments", "{\"appid\":\"" + Fixture.APP_ID + "\",\"mchid\":\"" + mchid
                + "\",\"openid\":\"" + openid + "\",\"amount_fen\":" + fen + "}").json();
    }

    private static String pushFor(String openid) {
        JsonNode pushes = f.http.get("/sandbox/pushes?appid=" + Fixture.APP_ID).json().get("pushes");
        for (JsonNode push : pushes) {
            if (push.get("openid").asText().equals(openid) && push.get("event").asText().equals("user_get_card")) {
                return push.get("xml").asText();
            }
        }
        return "";
    }

    @Test
    void a_payment_in_the_rules_range_gives_the_card_with_a_pay_source_scene_once() {
        String cardId = f.approvedCard(Fixture.memberCard());
        long now = System.currentTimeMillis() / 1000;
        long ruleId = rule(cardId, "1900000201", 1_000, 50_000, now - 60, now + 3600);

        JsonNode paid = pay("1900000201", "oPayer1", 2_500);
        JsonNode again = pay("1900000201", "oPayer1", 2_500);

        assertThat(paid.get("offered").asBoolean()).as(paid.toString()).isTrue();
        assertThat(paid.get("rule_id").asLong()).isEqualTo(ruleId);
        assertThat(paid.get("card_id").asText()).isEqualTo(cardId);
        assertThat(f.state(cardId, paid.get("code").asText()).get("openid").asText()).isEqualTo("oPayer1");
        assertThat(pushFor("oPayer1")).contains("<SourceScene><![CDATA[SOURCE_SCENE_PAY]]></SourceScene>",
                "<UserCardCode><![CDATA[" + paid.get("code").asText() + "]]></UserCardCode>");
        assertThat(again.get("offered").asBoolean()).as("holds the card already").isFalse();
    }

    @Test
    void a_payment_outside_the_amounts_to_another_merchant_or_after_the_rule_gives_nothing() {
        String cardId = f.approvedCard(Fixture.memberCard());
        long now = System.currentTimeMillis() / 1000;
        rule(cardId, "1900000202", 1_000, 50_000, now - 60, now + 3600);
        rule(cardId, "1900000203", 1, 100, now - 7200, now - 3600);

        assertThat(pay("1900000202", "oPayer2", 999).get("offered").asBoolean()).isFalse();
        assertThat(pay("1900000202", "oPayer2", 50_001).get("offered").asBoolean()).isFalse();
        assertThat(pay("1900000299", "oPayer2", 2_000).get("offered").asBoolean()).isFalse();
        assertThat(pay("1900000203", "oPayer2", 50).get("why").asText()).contains("no pay-to-join rule");
        assertThat(pushFor("oPayer2")).isEmpty();
        assertThat(f.control("/sandbox/payments", "{\"appid\":\"" + Fixture.APP_ID + "\",\"mchid\":\"1900000202\","
                + "\"openid\":\"oPayer2\",\"amount_fen\":0}").errcode()).isNotZero();
    }
}
