package io.wxcard.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase.ChangeLedgerCommand;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.statistics.StatisticsRange;
import io.wxcard.domain.statistics.WechatDailyFigures;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The statistics page: our figures from the ledger, WeChat's as pulled, the domain's range rule, a database down. */
class StatisticsPagesTest {

    private static ConsoleWorld world;
    private static Card card;
    private static LocalDate today;

    @BeforeAll
    static void start() {
        world = new ConsoleWorld();
        card = world.approvedCard(world.tenant);
        today = StatisticsRange.dayOf(world.whole.clock.now());
        Membership alice = world.received(card, "o_stats_alice");
        world.received(card, "o_stats_bob");
        ConsoleWorld.ok(world.app.changeLedger().change(new ChangeLedgerCommand(alice.key(), LedgerChange.points(
                Points.of(120), "welcome", new IdempotencyKey("stats-points-1"), EntrySource.MERCHANT, false))));
        world.statistics.saveWechatFigures(world.tenant, List.of(new WechatDailyFigures(WechatDailyFigures.Scope.CARD,
                Option.of(card.wechatCardId().get()), today.minusDays(1), 10, 8, 3, 3, 0, 0, 2, 5, 3, 0, 0)));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static String url(LocalDate from, LocalDate to) {
        return "/console/statistics?card=" + card.id().value() + "&from=" + from + "&to=" + to;
    }

    @Test
    void the_last_thirty_days_are_charted_from_our_ledger_with_wechats_pulled_days_as_a_line() {
        HttpResponse<String> page = world.signedIn("viewer").get("/console/statistics");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("value=\"" + today.minusDays(StatisticsPages.DEFAULT_DAYS - 1) + "\"",
                "value=\"" + today + "\"");
        assertThat(body).contains("<svg", "id=\"chart-members\"", "id=\"chart-activations\"", "id=\"chart-points\"");
        assertThat(body).contains("id=\"total-new\">2<", "id=\"total-activated\">2<", "id=\"total-points-issued\">120<");
        assertThat(body).contains("已拉取 1 天", "class=\"wechat line\"");
        assertThat(body).contains("id=\"disagreements\"", "receive_cnt");
    }

    @Test
    void a_range_the_domain_refuses_is_shown_with_its_rule_beside_the_form_in_the_operators_language() {
        ConsoleClient viewer = world.signedIn("viewer");
        HttpResponse<String> tooLong = viewer.get(url(today.minusDays(62), today));

        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"problem-range\"", "统计的日期范围不正确").doesNotContain("<svg");
        viewer.language("en");
        assertThat(viewer.get(url(today, today.plusDays(1))).body()).contains("The statistics date range is not valid");
        assertThat(viewer.get(url(today, today)).statusCode()).isEqualTo(200);
        assertThat(viewer.get("/console/statistics?card=" + card.id().value() + "&from=yesterday&to=" + today).body())
                .contains("A date is not valid");
    }

    @Test
    void another_tenants_card_is_not_found_and_its_figures_are_not_shown() {
        HttpResponse<String> page = world.otherTenantsAdmin().get(url(today, today));

        assertThat(page.body()).doesNotContain("<svg").doesNotContain(card.id().value());
    }

    @Test
    void a_pull_with_wechat_down_says_so_and_still_shows_our_figures_and_a_viewer_may_not_pull() {
        ConsoleClient operator = world.signedIn("operator");
        String page = operator.get(url(today, today)).body();
        assertThat(page).contains("id=\"pull-statistics\"");
        Map<String, String> form = Map.of("_csrf", ConsoleClient.csrfOf(page), "card", card.id().value(),
                "from", today.toString(), "to", today.toString());

        HttpResponse<String> down = operator.post("/console/statistics/pull", form);

        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(down.body()).contains("id=\"statistics-notice\"", "微信暂时无法访问", "id=\"chart-members\"");
        ConsoleClient viewer = world.signedIn("viewer");
        assertThat(viewer.get(url(today, today)).body()).doesNotContain("id=\"pull-statistics\"");
        assertThat(viewer.post("/console/statistics/pull", Map.of("_csrf", viewer.csrf(), "card", card.id().value(),
                "from", today.toString(), "to", today.toString())).statusCode()).isEqualTo(403);
        assertThat(operator.post("/console/statistics/pull", Map.of("card", card.id().value(), "from",
                today.toString(), "to", today.toString())).statusCode()).isEqualTo(403); // no CSRF token
    }

    @Test
    void with_the_database_down_the_page_says_so_and_shows_no_figures() {
        ConsoleClient viewer = world.signedIn("viewer");
        world.databaseDown.set(true);
        try {
            HttpResponse<String> page = viewer.get(url(today, today));

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("数据库暂时无法访问").doesNotContain("<svg");
            // every page: even the session cannot be read, and the answer says why instead of failing blank
            for (String path : List.of("/console/cards", "/console/members?q=138", "/console/imports")) {
                HttpResponse<String> other = viewer.get(path);
                assertThat(other.statusCode()).as(path).isEqualTo(503);
                assertThat(other.body()).as(path).contains("数据库暂时无法访问");
            }
        } finally {
            world.databaseDown.set(false);
        }
    }
}
