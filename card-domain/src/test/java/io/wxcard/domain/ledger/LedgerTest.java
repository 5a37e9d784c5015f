package io.wxcard.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wxcard.domain.shared.Reason;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.definition.ActivationMode;
import io.wxcard.domain.membership.ActivationMethod;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    static LedgerChange points(long delta, String key) {
        return LedgerChange.points(Points.of(delta), "purchase", new IdempotencyKey(key), EntrySource.MERCHANT, true);
    }

    static LedgerChange balance(long delta, String key) {
        return LedgerChange.balance(Fen.of(delta), "top-up", new IdempotencyKey(key), EntrySource.MERCHANT, false);
    }

    static Membership active() {
        return Membership.received(new TenantId("tea-house"), new CardId("card1"), new Code("100001"),
                new OpenId("oAlice"), Option.none(), ActivationMode.AUTO, T0).membership();
    }

    private static void assertRejected(Either<Rejection, ?> result, RejectionCode code) {
        assertThat(result.isLeft()).as("expected a rejection, got %s", result).isTrue();
        assertThat(result.getLeft().code()).isEqualTo(code);
    }

    @Test
    void records_changes_as_numbered_entries_and_derives_the_totals() {
        Ledger ledger = Ledger.empty();
        LedgerOutcome first = ledger.record(points(120, "k1"), Option.none(), T0).get();
        Ledger afterFirst = ((LedgerOutcome.Recorded) first).ledger();
        LedgerOutcome second = afterFirst.record(balance(5_000, "k2"), Option.none(), T0).get();

        assertThat(first.entry().sequence()).isEqualTo(1);
        assertThat(second.entry().sequence()).isEqualTo(2);
        assertThat(second.entry().pointsAfter()).isEqualTo(Points.of(120));
        assertThat(second.entry().balanceAfter()).isEqualTo(Fen.of(5_000));
        assertThat(((LedgerOutcome.Recorded) second).ledger().totals())
                .isEqualTo(new LedgerTotals(Points.of(120), Fen.of(5_000), 2));
        assertThat(Ledger.replay(List.of(first.entry(), second.entry())).totals())
                .isEqualTo(((LedgerOutcome.Recorded) second).ledger().totals());
    }

    @Test
    void never_lets_stored_value_go_negative() {
        Ledger ledger = ((LedgerOutcome.Recorded) Ledger.empty().record(balance(1_000, "k1"), Option.none(), T0).get()).ledger();

        assertRejected(ledger.record(balance(-1_001, "k2"), Option.none(), T0), RejectionCode.BALANCE_WOULD_GO_NEGATIVE);
        assertThat(ledger.record(balance(-1_000, "k3"), Option.none(), T0).get().entry().balanceAfter()).isEqualTo(Fen.ZERO);
    }

    @Test
    void never_lets_points_go_negative() {
        assertRejected(Ledger.empty().record(points(-1, "k1"), Option.none(), T0), RejectionCode.POINTS_WOULD_GO_NEGATIVE);
    }

    @Test
    void the_same_key_applied_twice_changes_nothing_and_answers_the_first_entry() {
        Membership membership = active();
        LedgerResult first = membership.record(points(50, "order-7"), Option.none(), T0).get();

        LedgerResult again = first.membership().record(points(50, "order-7"), Option.of(first.entry()), T0.plusSeconds(9)).get();

        assertThat(again.replayed()).isTrue();
        assertThat(again.entry()).isEqualTo(first.entry());
        assertThat(again.membership()).isEqualTo(first.membership());
        assertThat(again.membership().totals().points()).isEqualTo(Points.of(50));
    }

    @Test
    void refuses_a_key_reused_for_a_different_change() {
        Membership membership = active();
        LedgerResult first = membership.record(points(50, "order-7"), Option.none(), T0).get();

        assertRejected(first.membership().record(points(60, "order-7"), Option.of(first.entry()), T0),
                RejectionCode.IDEMPOTENCY_KEY_REUSED);
    }

    @Test
    void merchant_changes_need_an_activated_membership() {
        Membership issued = Membership.received(new TenantId("tea-house"), new CardId("card1"), new Code("100001"),
                new OpenId("oAlice"), Option.none(), ActivationMode.MERCHANT_PAGE, T0).membership();
        Membership invalidated = active().invalidate(new Reason("fraud"), T0).get().membership();

        assertRejected(issued.record(points(10, "k1"), Option.none(), T0), RejectionCode.MEMBERSHIP_NOT_ACTIVATED);
        assertRejected(invalidated.record(points(10, "k1"), Option.none(), T0), RejectionCode.MEMBERSHIP_INVALIDATED);
        assertThat(issued.activate(ActivationMethod.API, Option.none(), T0).get().membership()
                .record(points(10, "k1"), Option.none(), T0).isRight()).isTrue();
    }

    @Test
    void records_what_wechat_reports_in_any_state_as_an_external_entry() {
        Membership invalidated = active().invalidate(new Reason("fraud"), T0).get().membership();
        LedgerChange reported = LedgerChange.points(Points.of(30), "changed on WeChat", new IdempotencyKey("wechat-1"),
                EntrySource.WECHAT, false);

        LedgerResult result = invalidated.record(reported, Option.none(), T0).get();

        assertThat(result.entry().source()).isEqualTo(EntrySource.WECHAT);
        assertThat(result.membership().totals().points()).isEqualTo(Points.of(30));
    }

    @Test
    void replay_refuses_a_ledger_with_a_gap() {
        List<LedgerEntry> entries = new ArrayList<>();
        Ledger ledger = Ledger.empty();
        for (int i = 1; i <= 3; i++) {
            LedgerOutcome.Recorded recorded = (LedgerOutcome.Recorded) ledger.record(points(i, "k" + i), Option.none(), T0).get();
            entries.add(recorded.entry());
            ledger = recorded.ledger();
        }
        entries.remove(1);

        assertThatThrownBy(() -> Ledger.replay(entries)).hasMessageContaining("consecutive");
    }

    @Test
    void a_change_needs_a_nonzero_delta_and_a_reason() {
        assertThatThrownBy(() -> points(0, "k")).hasMessageContaining("0");
        assertThatThrownBy(() -> LedgerChange.points(Points.of(1), " ", new IdempotencyKey("k"), EntrySource.MERCHANT, false))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new IdempotencyKey("has space")).hasMessageContaining("printable");
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(129))).hasMessageContaining("128");
    }

    @Test
    void shows_money_in_yuan_without_floating_point() {
        assertThat(Fen.of(12_345).toString()).isEqualTo("123.45 yuan");
        assertThat(Fen.of(-5).toString()).isEqualTo("-0.05 yuan");
    }
}
