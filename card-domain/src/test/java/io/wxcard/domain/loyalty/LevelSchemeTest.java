package io.wxcard.domain.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.CustomFieldValue;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.RejectionCode;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelSchemeTest {

    static final MembershipKey ALICE = new MembershipKey(new TenantId("t1"), new CardId("c1"), new Code("123456789012"));
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    static MemberLevel level(String name, LevelEntry entry) {
        return new MemberLevel(new LevelName(name), entry, Option.of(new WechatImageUrl(
                "https://mmbiz.qpic.cn/mmbiz/" + name.hashCode())), new CustomFieldValue(name));
    }

    static LevelEntry points(long points) {
        return new LevelEntry.Threshold(Option.of(Points.of(points)), Option.none());
    }

    static LevelScheme teaHouse() {
        return LevelScheme.of(List.of(level("普通", new LevelEntry.Base()), level("银卡", points(100)),
                level("金卡", new LevelEntry.Threshold(Option.of(Points.of(500)), Option.of(Fen.of(100_000)))),
                level("员工", new LevelEntry.SetByMerchant())), Option.none()).get();
    }

    static Standing standing(long points, long spentFen) {
        return new Standing(Points.of(points), Fen.of(spentFen));
    }

    @Test
    void a_member_is_promoted_to_the_highest_level_their_points_or_spend_reach() {
        LevelScheme scheme = teaHouse();
        assertThat(scheme.qualifiedFor(standing(99, 0)).name()).isEqualTo(new LevelName("普通"));
        assertThat(scheme.qualifiedFor(standing(100, 0)).name()).isEqualTo(new LevelName("银卡"));
        assertThat(scheme.qualifiedFor(standing(120, 100_000)).name()).isEqualTo(new LevelName("金卡"));
        LevelChange up = scheme.promotion(ALICE, Option.of(new LevelName("普通")), standing(150, 0), "order 1", NOW).get();
        assertThat(up.to()).isEqualTo(new LevelName("银卡"));
        assertThat(up.direction()).isEqualTo(LevelChange.Direction.UP);
        assertThat(scheme.promotion(ALICE, Option.of(new LevelName("银卡")), standing(150, 0), "again", NOW)).isEmpty();
    }

    @Test
    void a_member_below_their_level_is_not_demoted_by_a_promotion_check_but_by_a_review() {
        LevelScheme scheme = teaHouse();
        assertThat(scheme.promotion(ALICE, Option.of(new LevelName("金卡")), standing(10, 0), "spent", NOW)).isEmpty();
        LevelChange down = scheme.demotion(ALICE, new LevelName("金卡"), standing(150, 0), "period end", NOW).get();
        assertThat(down.to()).isEqualTo(new LevelName("银卡"));
        assertThat(down.direction()).isEqualTo(LevelChange.Direction.DOWN);
    }

    @Test
    void a_level_the_merchant_gave_is_never_taken_by_a_review() {
        assertThat(teaHouse().demotion(ALICE, new LevelName("员工"), standing(0, 0), "period end", NOW)).isEmpty();
    }

    @Test
    void refuses_overlapping_thresholds_naming_both_levels() {
        var refused = LevelScheme.of(List.of(level("普通", new LevelEntry.Base()), level("银卡", points(500)),
                level("金卡", points(500))), Option.none());
        assertThat(refused.getLeft().code()).isEqualTo(RejectionCode.LEVELS_INVALID);
        assertThat(refused.getLeft().problems()).extracting(Problem::field).containsExactly("levels[2].entry.points");
        assertThat(refused.getLeft().reason()).contains("金卡", "银卡", "overlaps", "nothing was changed");
    }

    @Test
    void refuses_levels_without_a_base_or_with_a_threshold_of_zero() {
        assertThat(LevelScheme.of(List.of(level("银卡", points(100))), Option.none()).getLeft().problems())
                .extracting(Problem::field).containsExactly("levels[0].entry");
        assertThat(LevelScheme.of(List.of(level("普通", new LevelEntry.Base()), level("银卡", points(0))),
                Option.none()).getLeft().problems()).extracting(Problem::field)
                .containsExactly("levels[1].entry.points");
    }

    @Test
    void demotion_periods_end_every_n_months_from_the_first_end() {
        DemotionPeriod quarterly = new DemotionPeriod(3, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(quarterly.lastEndAtOrBefore(Instant.parse("2025-12-31T00:00:00Z"))).isEmpty();
        assertThat(quarterly.lastEndAtOrBefore(Instant.parse("2026-05-15T00:00:00Z")))
                .contains(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(quarterly.lastEndAtOrBefore(Instant.parse("2026-07-01T00:00:00Z")))
                .contains(Instant.parse("2026-07-01T00:00:00Z"));
    }
}
