package io.wxcard.domain.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.domain.card.definition.BonusRule;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointsRuleTest {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void a_purchase_earns_whole_units_rounded_down_and_capped() {
        PointsRule rule = PointsRule.of(Fen.of(100), 2, Option.of(Points.of(50)), Option.none()).get();
        assertThat(rule.pointsFor(Fen.of(199))).isEqualTo(Points.of(2));
        assertThat(rule.pointsFor(Fen.of(99))).isEqualTo(Points.ZERO);
        assertThat(rule.pointsFor(Fen.of(100_000))).isEqualTo(Points.of(50));
    }

    @Test
    void refuses_a_rule_that_could_round_a_purchase_to_negative_points() {
        var refused = PointsRule.of(Fen.of(100), -1, Option.none(), Option.none());
        assertThat(refused.getLeft().code()).isEqualTo(RejectionCode.POINTS_RULE_INVALID);
        assertThat(refused.getLeft().problems()).extracting(Problem::field).containsExactly("points_per_unit");
        assertThat(refused.getLeft().reason()).contains("negative", "nothing was changed");
        assertThat(PointsRule.of(Fen.of(0), 1, Option.none(), Option.none()).getLeft().problems())
                .extracting(Problem::field).containsExactly("spend_unit_fen");
    }

    @Test
    void keeps_the_cards_bonus_rule_in_step_and_leaves_how_points_pay_alone() {
        BonusRule before = new BonusRule(Option.of(1), Option.of(1), Option.none(), Option.of(10), Option.of(5),
                Option.of(100), Option.none(), Option.none());
        BonusRule after = PointsRule.of(Fen.of(100), 3, Option.of(Points.of(200)), Option.none()).get().onto(before);
        assertThat(after.costMoneyUnit()).contains(100);
        assertThat(after.increaseBonus()).contains(3);
        assertThat(after.maxIncreaseBonus()).contains(200);
        assertThat(after.initIncreaseBonus()).contains(10);
        assertThat(after.costBonusUnit()).contains(5);
        assertThat(after.reduceMoney()).contains(100);
    }

    static LedgerEntry points(long sequence, long delta, Instant at) {
        return new LedgerEntry(sequence, Asset.POINTS, delta, Points.ZERO, Fen.ZERO, "r", new IdempotencyKey("k" + sequence),
                EntrySource.MERCHANT, false, at);
    }

    @Test
    void what_expires_is_what_was_earned_before_the_cutoff_and_not_used_first_in_first_out() {
        PointsExpiry yearly = new PointsExpiry(365);
        Instant old = NOW.minus(Duration.ofDays(400));
        Instant recent = NOW.minus(Duration.ofDays(10));
        List<LedgerEntry> ledger = List.of(points(1, 100, old), points(2, 50, recent), points(3, -30, recent));
        assertThat(yearly.due(ledger, Points.of(120), NOW)).contains(Points.of(70));
        List<LedgerEntry> afterExpiry = List.of(points(1, 100, old), points(2, 50, recent), points(3, -30, recent),
                points(4, -70, NOW));
        assertThat(yearly.due(afterExpiry, Points.of(50), NOW)).as("an expiry is itself a use").isEmpty();
        assertThat(yearly.due(List.of(points(1, 100, recent)), Points.of(100), NOW)).isEmpty();
    }
}
