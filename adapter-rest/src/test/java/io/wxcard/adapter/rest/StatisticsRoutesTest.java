package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.statistics.StatisticsRange;
import io.wxcard.domain.statistics.WechatDailyFigures;
import io.wxcard.domain.statistics.WechatDailyFigures.Scope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A card's statistics over real HTTP, against the real statistics query on the in-memory stores: ours counted from
 * the memberships, WeChat's as pulled, the days they disagree on, and the ranges WeChat refuses refused here too.
 */
class StatisticsRoutesTest {

    private static ApiHarness h;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static LocalDate today() {
        return StatisticsRange.dayOf(h.clock.now());
    }

    private static Http.Answer statistics(Merchant m, String card, String query) {
        return m.http.get("/v1/cards/" + card + "/statistics" + query);
    }

    private static WechatDailyFigures wechatDay(Scope scope, Option<WechatCardId> card, LocalDate day, long received,
                                                long activated) {
        return new WechatDailyFigures(scope, card, day, 40, 30, received, received, 0, 0, activated, 9, received, 0, 0);
    }

    private static List<String> fields(Http.Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    @Test
    void each_day_shows_ours_beside_wechats_and_the_figures_on_which_they_disagree() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());
        m.received(card, "o_first");
        m.received(card, "o_second");
        WechatCardId onWechat = m.wechatCardId(card);
        LocalDate yesterday = today().minusDays(1);
        // WeChat counted a third receipt today but the same two activations (the card activates on receipt); yesterday
        // it agrees with us (none). The account-wide row is not the card's.
        h.statistics.saveWechatFigures(m.tenant, List.of(
                wechatDay(Scope.CARD, Option.of(onWechat), yesterday, 0, 0),
                wechatDay(Scope.CARD, Option.of(onWechat), today(), 3, 2),
                wechatDay(Scope.MEMBER_CARDS, Option.none(), today(), 99, 99)));

        Http.Answer answer = statistics(m, card, "?from=" + yesterday.minusDays(1) + "&to=" + today());

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("card_id").asText()).isEqualTo(card);
        assertThat(body.get("from").asText()).isEqualTo(yesterday.minusDays(1).toString());
        assertThat(body.get("to").asText()).isEqualTo(today().toString());
        assertThat(body.get("totals").get("new_members").asLong()).isEqualTo(2);
        JsonNode days = body.get("days");
        assertThat(days).hasSize(3);
        assertThat(days.get(0).has("wechat")).as("a day not pulled has none of WeChat's").isFalse();
        assertThat(days.get(1).get("wechat").get("receive_cnt").asLong()).isZero();
        assertThat(days.get(2).get("day").asText()).isEqualTo(today().toString());
        assertThat(days.get(2).get("ours").get("new_members").asLong()).isEqualTo(2);
        assertThat(days.get(2).get("ours").get("activated_members").asLong()).isEqualTo(2);
        assertThat(days.get(2).get("wechat").get("receive_cnt").asLong()).isEqualTo(3);
        assertThat(days.get(2).get("wechat").get("view_cnt").asLong()).isEqualTo(40);
        JsonNode disagreements = body.get("disagreements");
        assertThat(disagreements).hasSize(1);
        assertThat(disagreements.get(0).get("day").asText()).isEqualTo(today().toString());
        assertThat(disagreements.get(0).get("figure").asText()).isEqualTo("receive_cnt");
        assertThat(disagreements.get(0).get("wechat").asLong()).isEqualTo(3);
        assertThat(disagreements.get(0).get("ours").asLong()).isEqualTo(2);
    }

    @Test
    void a_card_not_on_wechat_yet_has_our_figures_only() {
        Merchant m = h.newMerchant();
        String card = m.draft(Cards.minimal());

        Http.Answer answer = statistics(m, card, "?from=" + today() + "&to=" + today());

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("days")).hasSize(1);
        assertThat(answer.json().get("days").get(0).has("wechat")).isFalse();
        assertThat(answer.json().get("disagreements")).isEmpty();
    }

    @Test
    void a_range_wechat_refuses_is_refused_naming_the_field() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());
        List<String> refused = List.of(
                "?from=" + today() + "&to=" + today().minusDays(1),
                "?from=" + today().minusDays(StatisticsRange.MAX_DAYS) + "&to=" + today(),
                "?from=" + today() + "&to=" + today().plusDays(1));
        for (String query : refused) {
            Http.Answer answer = statistics(m, card, query);

            assertThat(answer.status()).as("%s: %s", query, answer).isEqualTo(422);
            assertThat(answer.json().get("code").asText()).isEqualTo("STATISTICS_RANGE_INVALID");
            assertThat(fields(answer)).containsExactly("to");
        }
        assertThat(statistics(m, card, "?from=" + today().minusDays(StatisticsRange.MAX_DAYS - 1) + "&to=" + today())
                .status()).as("the longest range WeChat takes").isEqualTo(200);
    }

    @Test
    void a_missing_or_malformed_day_or_an_unknown_parameter_is_a_bad_request_naming_it() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());
        String to = "&to=" + today();

        Http.Answer noFrom = statistics(m, card, "?to=" + today());
        Http.Answer notADay = statistics(m, card, "?from=2026-13-01" + to);
        Http.Answer unknown = statistics(m, card, "?from=" + today() + to + "&day=1");
        Http.Answer twice = statistics(m, card, "?from=" + today() + to + to);

        assertThat(noFrom.status()).as("%s", noFrom).isEqualTo(400);
        assertThat(fields(noFrom)).containsExactly("from");
        assertThat(notADay.status()).as("%s", notADay).isEqualTo(400);
        assertThat(fields(notADay)).containsExactly("from");
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("day");
        assertThat(twice.status()).as("%s", twice).isEqualTo(400);
        assertThat(fields(twice)).containsExactly("to");
    }

    @Test
    void an_unknown_card_or_another_tenants_is_not_found() {
        Merchant m = h.newMerchant();
        Merchant other = h.newMerchant();
        String card = other.approved(Cards.minimal());
        String range = "?from=" + today() + "&to=" + today();

        assertThat(statistics(m, card, range).status()).isEqualTo(404);
        assertThat(statistics(m, "card_nope", range).status()).isEqualTo(404);
        assertThat(statistics(other, card, range).status()).isEqualTo(200);
    }
}
