package io.wxcard.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OurFiguresTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    /** 10:00 in Beijing on DAY. */
    private static final Instant AT = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void points_that_expired_are_counted_apart_from_points_redeemed_and_do_not_make_a_member_active() {
        OurFigures figures = OurFigures.count(new StatisticsRange(DAY, DAY), List.of(), List.of(
                new OurFigures.Movement("100001", Asset.POINTS, 200, AT, EntrySource.PURCHASE),
                new OurFigures.Movement("100001", Asset.POINTS, -50, AT.plusSeconds(60), EntrySource.MERCHANT),
                new OurFigures.Movement("100002", Asset.POINTS, -80, AT.plusSeconds(120), EntrySource.EXPIRY),
                new OurFigures.Movement("100002", Asset.BALANCE, -300, AT.plusSeconds(180), EntrySource.MERCHANT)),
                List.of());

        OurFigures.Totals totals = figures.totals();
        assertThat(totals.pointsIssued()).isEqualTo(200);
        assertThat(totals.pointsRedeemed()).isEqualTo(50);
        assertThat(totals.pointsExpired()).isEqualTo(80);
        assertThat(totals.balanceOut()).isEqualTo(300);
        assertThat(totals.activeMembers()).as("100002's expiry is not activity; its balance change is").isEqualTo(2);
        OurFigures.Day day = figures.days().get(0);
        assertThat(day.pointsExpired()).isEqualTo(80);
        assertThat(day.pointsRedeemed()).isEqualTo(50);
    }

    @Test
    void an_expiry_alone_leaves_the_member_inactive() {
        OurFigures figures = OurFigures.count(new StatisticsRange(DAY, DAY), List.of(), List.of(
                new OurFigures.Movement("100003", Asset.POINTS, -10, AT, EntrySource.EXPIRY)), List.of());
        assertThat(figures.totals().activeMembers()).isZero();
        assertThat(figures.days().get(0).activeMembers()).isZero();
        assertThat(figures.totals().pointsExpired()).isEqualTo(10);
    }
}
