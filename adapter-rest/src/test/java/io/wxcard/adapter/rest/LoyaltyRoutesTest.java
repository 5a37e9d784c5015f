package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 17's routes: levels, points rules and notices set and read, purchases that promote, bad input refused. */
class LoyaltyRoutesTest {

    private static ApiHarness h;
    private Merchant m;

    static final String LEVELS = """
            {"levels": [
              {"name": "普通", "entry": "BASE", "field_text": "普通"},
              {"name": "银卡", "entry": "THRESHOLD", "points": 100, "field_text": "银卡",
               "card_face_url": "https://mmbiz.qpic.cn/mmbiz_png/silver/0"},
              {"name": "金卡", "entry": "THRESHOLD", "points": 500, "lifetime_spend_fen": 100000, "field_text": "金卡"}],
             "demotion": {"months": 3, "first_end": "2027-01-01T00:00:00Z"}}""";

    @BeforeAll
    static void start() {
        h = new ApiHarness(ApiHarness.WITH_LOYALTY, ApiHarness.TUNING, () -> true, RestSettings.DEFAULT_MAX_BODY_BYTES);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void newTenant() {
        m = h.newMerchant();
    }

    private static List<String> fields(Http.Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Test
    void sets_levels_and_a_points_rule_and_a_purchase_past_a_threshold_promotes_the_member() {
        String[] member = m.member(Cards.minimal());
        String card = "/v1/cards/" + member[0];
        Http.Answer levels = m.http.put(card + "/levels", LEVELS);
        assertThat(levels.status()).as(levels.body()).isEqualTo(200);
        assertThat(levels.json().at("/levels/1/card_face_url").asText()).isEqualTo("https://mmbiz.qpic.cn/mmbiz_png/silver/0");
        Http.Answer rule = m.http.put(card + "/points-rules",
                "{\"spend_unit_fen\": 100, \"points_per_unit\": 1, \"expiry_days\": 365}");
        assertThat(rule.status()).as(rule.body()).isEqualTo(200);
        assertThat(rule.json().path("rounding").asText()).isEqualTo("down to whole spend units");
        assertThat(m.card(member[0]).definition().bonusRule().get().costMoneyUnit()).as("bonus_rule in step")
                .contains(100);

        Http.Answer paid = m.http.post(card + "/memberships/" + member[1] + "/purchases", "{\"amount_fen\": 12099}",
                Map.of("Idempotency-Key", "order-1"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().path("points_earned").asLong()).isEqualTo(120);
        assertThat(paid.json().path("promoted_to").asText()).isEqualTo("银卡");
        Http.Answer again = m.http.post(card + "/memberships/" + member[1] + "/purchases", "{\"amount_fen\": 12099}",
                Map.of("Idempotency-Key", "order-1"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        Http.Answer standing = m.http.get(card + "/memberships/" + member[1] + "/level");
        assertThat(standing.json().path("level").asText()).isEqualTo("银卡");
        assertThat(standing.json().path("lifetime_spend_fen").asLong()).isEqualTo(12099);
        assertThat(standing.json().at("/history/0/direction").asText()).isEqualTo("UP");
    }

    @Test
    void refuses_overlapping_levels_and_a_negative_rule_naming_the_field_and_stores_nothing() {
        String card = "/v1/cards/" + m.approved(Cards.minimal());
        Http.Answer overlap = m.http.put(card + "/levels", LEVELS.replace("\"points\": 500", "\"points\": 100"));
        assertThat(overlap.status()).as(overlap.body()).isEqualTo(422);
        assertThat(overlap.json().path("code").asText()).isEqualTo("LEVELS_INVALID");
        assertThat(fields(overlap)).containsExactly("levels[2].entry.points");
        Http.Answer negative = m.http.put(card + "/points-rules", "{\"spend_unit_fen\": 100, \"points_per_unit\": -1}");
        assertThat(negative.status()).as(negative.body()).isEqualTo(422);
        assertThat(negative.json().path("code").asText()).isEqualTo("POINTS_RULE_INVALID");
        assertThat(fields(negative)).containsExactly("points_per_unit");
        Http.Answer read = m.http.get(card + "/loyalty");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("levels").isMissingNode() || read.json().path("levels").isNull()).isTrue();
        assertThat(read.json().path("points_rule").isMissingNode() || read.json().path("points_rule").isNull()).isTrue();
    }
}
