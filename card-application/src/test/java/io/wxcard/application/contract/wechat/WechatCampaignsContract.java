package io.wxcard.application.contract.wechat;

import static io.wxcard.application.contract.wechat.WechatContractSupport.failed;
import static io.wxcard.application.contract.wechat.WechatContractSupport.ok;
import static io.wxcard.application.contract.wechat.WechatContractSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import io.wxcard.application.port.out.wechat.WechatCampaigns.WechatCampaignState;
import io.wxcard.application.port.out.wechat.WechatPayCardUpgrade;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.Fen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WechatCampaigns} must do (FIDELITY.md sections 18 and 26), given a fresh subject per test whose
 * card is approved and upgraded for WeChat Pay: a rule known by id and listed until deleted; an activity made once per
 * out_request_no, read and listed for its card with its state, terminated (again harmlessly).
 */
public abstract class WechatCampaignsContract {

    protected abstract WechatContractSubject subject();

    protected abstract WechatPayCardUpgrade payUpgrade();

    protected abstract WechatCampaigns campaigns();

    private WechatCardId cardId;

    @BeforeEach
    void upgradedCard() {
        cardId = ok(subject().catalog().create(subject().account(), Fixtures.definition()));
        subject().control().review(cardId, true);
        ok(payUpgrade().upgrade(subject().merchant(), cardId, new BrandId("brand_" + unique("").substring(0, 8)),
                subject().account().appId()));
    }

    @Test
    void a_rule_is_known_by_id_and_listed_until_it_is_deleted() {
        Instant now = Instant.now();
        String ruleId = ok(campaigns().addPayToJoinRule(subject().account(), cardId, new CampaignTerms(
                CampaignKind.PAY_TO_JOIN, "满10元开卡", List.of("16" + System.nanoTime() % 100_000_000L), now,
                now.plus(Duration.ofDays(7)), Option.of(Fen.of(10_00)), Option.of(Fen.of(100_00)))));

        assertThat(ok(campaigns().payToJoinRule(subject().account(), ruleId)).state())
                .isEqualTo(WechatCampaigns.RULE_PRESENT);
        assertThat(ok(campaigns().payToJoinRules(subject().account()))).extracting(WechatCampaignState::wechatId)
                .contains(ruleId);

        ok(campaigns().deletePayToJoinRule(subject().account(), ruleId));
        assertThat(failed(campaigns().payToJoinRule(subject().account(), ruleId)).kind().worthRetryingLater())
                .as("WeChat refuses the id: not a passing fault").isFalse();
        assertThat(ok(campaigns().payToJoinRules(subject().account()))).extracting(WechatCampaignState::wechatId)
                .doesNotContain(ruleId);
    }

    @Test
    void an_activity_is_made_once_per_out_request_no_read_and_listed_for_its_card_and_terminated() {
        Instant now = Instant.now();
        CampaignTerms terms = new CampaignTerms(CampaignKind.NON_MEMBER_AFTERPAY, "开卡有礼", List.of("1900000109"),
                now, now.plus(Duration.ofDays(30)), Option.none(), Option.none(),
                Option.of(Fixtures.payActivitySettings()));
        String request = unique("cmp_");

        String id = ok(campaigns().createPayActivity(subject().merchant(), cardId, terms, request));
        assertThat(ok(campaigns().createPayActivity(subject().merchant(), cardId, terms, request))).isEqualTo(id);

        WechatCampaignState read = ok(campaigns().payActivity(subject().merchant(), id));
        assertThat(read.state()).isEqualTo("ONGOING");
        assertThat(read.ended()).isFalse();
        assertThat(ok(campaigns().payActivities(subject().merchant(), cardId))).containsExactly(read);

        ok(campaigns().terminatePayActivity(subject().merchant(), id));
        WechatCampaignState ended = ok(campaigns().payActivity(subject().merchant(), id));
        assertThat(ended.state()).isEqualTo("TERMINATED");
        assertThat(ended.ended()).isTrue();
        ok(campaigns().terminatePayActivity(subject().merchant(), id)); // a repeat after a lost answer
    }
}
