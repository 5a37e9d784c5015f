package io.wxcard.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.TotalsCheck.Totals;
import io.wxcard.domain.ledger.TotalsCheck.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class TotalsCheckTest {

    private static LedgerTotals state(long sequence, long points, long balance) {
        return new LedgerTotals(Points.of(points), Fen.of(balance), sequence);
    }

    /** Points 0 -> 100 -> 130 -> 120, balance 0 throughout, then a top-up of 500 fen. */
    private static final List<LedgerTotals> HISTORY = List.of(state(0, 0, 0), state(1, 100, 0), state(2, 130, 0),
            state(3, 120, 0), state(4, 120, 500));

    private static Verdict judge(Totals wechat, Option<Long> oldestUnsettled, Option<Totals> reported) {
        return TotalsCheck.judge(wechat, HISTORY, oldestUnsettled, reported);
    }

    @Test
    void wechat_showing_the_ledgers_totals_is_in_step_even_when_it_reports_a_change() {
        assertThat(judge(new Totals(120, 500), Option.none(), Option.of(new Totals(0, 500))))
                .isInstanceOf(Verdict.InStep.class);
    }

    @Test
    void an_echo_of_our_own_sync_while_a_later_one_is_on_its_way_books_nothing() {
        assertThat(judge(new Totals(130, 0), Option.of(3L), Option.of(new Totals(30, 0))))
                .isEqualTo(new Verdict.SyncOnItsWay(2));
    }

    @Test
    void a_change_reported_on_top_of_the_ledgers_totals_is_booked_as_it_is() {
        assertThat(judge(new Totals(100, 500), Option.none(), Option.of(new Totals(-20, 0))))
                .isEqualTo(new Verdict.ChangedOnWechat(new Totals(-20, 0), false));
    }

    @Test
    void a_change_reported_on_top_of_a_state_a_sync_is_moving_on_is_booked_and_the_sync_carries_it() {
        assertThat(judge(new Totals(110, 0), Option.of(4L), Option.of(new Totals(-10, 0))))
                .isEqualTo(new Verdict.ChangedOnWechat(new Totals(-10, 0), false));
    }

    @Test
    void a_change_reported_on_top_of_an_older_state_is_booked_and_our_missed_changes_are_sent_again() {
        assertThat(judge(new Totals(95, 0), Option.none(), Option.of(new Totals(-5, 0))))
                .isEqualTo(new Verdict.ChangedOnWechat(new Totals(-5, 0), true));
    }

    @Test
    void without_a_report_wechat_showing_an_older_state_of_ours_is_behind() {
        assertThat(judge(new Totals(130, 0), Option.none(), Option.none())).isEqualTo(new Verdict.WechatBehind(2));
    }

    @Test
    void with_syncs_on_their_way_a_difference_nothing_explains_waits() {
        assertThat(judge(new Totals(7, 7), Option.of(4L), Option.of(new Totals(1, 1))))
                .isInstanceOf(Verdict.Undecided.class);
        assertThat(judge(new Totals(7, 7), Option.of(4L), Option.none())).isInstanceOf(Verdict.Undecided.class);
    }

    @Test
    void a_difference_nothing_explains_is_booked_as_one_change_on_wechat() {
        assertThat(judge(new Totals(150, 400), Option.none(), Option.none()))
                .isEqualTo(new Verdict.ChangedOnWechat(new Totals(30, -100), false));
        assertThat(judge(new Totals(150, 400), Option.none(), Option.of(new Totals(3, 3))))
                .isEqualTo(new Verdict.ChangedOnWechat(new Totals(30, -100), false));
    }
}
