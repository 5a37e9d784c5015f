package io.wxcard.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.domain.campaign.PayActivityTerms.GiftStock;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayToJoinTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Option<String> PAY = Option.of(PayToJoin.SOURCE_SCENE_PAY);

    private static Campaign campaign(String id, CampaignKind kind, List<String> mchids, long least, long max,
                                     Instant begin, Duration length) {
        boolean byAmount = kind == CampaignKind.PAY_TO_JOIN;
        Option<PayActivityTerms> gifts = byAmount ? Option.none() : Option.of(new PayActivityTerms(
                List.of(GiftStock.parse("1900000109:98065001")), "https://wxpaylogo.qpic.cn/wxpaylogo/abc/0", "开卡送券"));
        CampaignTerms terms = new CampaignTerms(kind, "满10元开卡", mchids, begin, begin.plus(length),
                byAmount ? Option.of(Fen.of(least)) : Option.none(), byAmount ? Option.of(Fen.of(max)) : Option.none(),
                gifts);
        return new Campaign(new CampaignId(id), new TenantId("t"), new CardId("c"), terms, "rule-" + id, 0,
                Option.none(), begin, Option.none());
    }

    private static final Campaign RULE = campaign("rule", CampaignKind.PAY_TO_JOIN, List.of("1900000109"), 1_000,
            50_000, T0, Duration.ofDays(7));

    @Test
    void a_receipt_after_a_payment_while_one_rule_runs_is_that_rules() {
        Campaign activity = campaign("activity", CampaignKind.NON_MEMBER_AFTERPAY, List.of("1900000109"), 0, 0, T0,
                Duration.ofDays(7));

        assertThat(PayToJoin.attribute(PAY, T0.plus(Duration.ofHours(1)), List.of(RULE, activity)))
                .containsExactly(RULE);
    }

    @Test
    void a_receipt_from_another_scene_or_outside_the_rules_time_is_no_ones() {
        Instant during = T0.plus(Duration.ofHours(1));

        assertThat(PayToJoin.attribute(Option.of("SOURCE_SCENE_QRCODE"), during, List.of(RULE))).isEmpty();
        assertThat(PayToJoin.attribute(Option.none(), during, List.of(RULE))).isEmpty();
        assertThat(PayToJoin.attribute(PAY, T0.minusSeconds(1), List.of(RULE))).isEmpty();
        assertThat(PayToJoin.attribute(PAY, T0.plus(Duration.ofDays(7)), List.of(RULE))).isEmpty();
        Campaign terminated = RULE.terminate(T0.plus(Duration.ofMinutes(30))).get();
        assertThat(PayToJoin.attribute(PAY, during, List.of(terminated))).isEmpty();
        assertThat(PayToJoin.attribute(PAY, T0.plus(Duration.ofMinutes(29)), List.of(terminated)))
                .containsExactly(terminated);
    }

    @Test
    void two_rules_of_the_card_running_at_once_leave_the_receipt_unattributed() {
        Campaign bigSpenders = campaign("big", CampaignKind.PAY_TO_JOIN, List.of("1900000109"), 50_001, 900_000, T0,
                Duration.ofDays(7));

        assertThat(PayToJoin.attribute(PAY, T0.plus(Duration.ofHours(1)), List.of(RULE, bigSpenders))).isEmpty();
    }
}
