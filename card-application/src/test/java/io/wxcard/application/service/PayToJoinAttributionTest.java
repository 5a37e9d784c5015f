package io.wxcard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.in.ManageCampaignsUseCase.StartCampaignCommand;
import io.wxcard.application.port.out.wechat.push.EventHeader;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The push handling attributes a receipt after a payment to the running pay-to-join campaign, through the ports. */
class PayToJoinAttributionTest {

    private final Harness h = new Harness();
    private final ManageCampaignsUseCase campaigns = h.whole.campaignServices().campaigns();

    private Campaign rule(Card card, String mchid) {
        return campaigns.start(new StartCampaignCommand(h.tenant, card.id(), new CampaignTerms(
                CampaignKind.PAY_TO_JOIN, "满10元开卡", List.of(mchid), h.clock.now(),
                h.clock.now().plus(Duration.ofDays(7)), Option.of(Fen.of(1_000)), Option.of(Fen.of(50_000))),
                Option.none())).get();
    }

    private String receipt(Card card, String openid, Option<String> sourceScene, boolean restored) {
        Code code = h.wechat.handOut(card.wechatCardId().get(), new OpenId(openid));
        var event = new WechatEvent.CardReceived(new EventHeader("gh_1", openid, h.clock.now().getEpochSecond(),
                "user_get_card"), card.wechatCardId().get(), code, Option.none(), restored, Option.none(), false,
                Option.none(), Option.none(), sourceScene);
        return h.app.handleWechatEvent().handle(h.tenant, event).get();
    }

    @Test
    void a_receipt_after_a_payment_joins_the_running_rule_and_others_join_none() {
        Card card = h.approved(Fixtures.definition());
        Campaign rule = rule(card, "1900000109");

        String paid = receipt(card, "oPaid", Option.of("SOURCE_SCENE_PAY"), false);
        String scanned = receipt(card, "oScan", Option.of("SOURCE_SCENE_QRCODE"), false);
        String unknown = receipt(card, "oNone", Option.none(), false);

        assertThat(paid).contains("joined through campaign " + rule.id());
        assertThat(scanned).doesNotContain("campaign");
        assertThat(unknown).doesNotContain("campaign");
        assertThat(campaigns.membersJoined(h.tenant, rule.id()).get()).isEqualTo(1);
    }

    @Test
    void a_receipt_after_the_rule_was_terminated_or_on_another_card_joins_none() {
        Card card = h.approved(Fixtures.definition());
        Card other = h.approved(Fixtures.definition());
        Campaign rule = rule(card, "1900000110");

        String otherCard = receipt(other, "oOther", Option.of("SOURCE_SCENE_PAY"), false);
        h.clock.advance(Duration.ofMinutes(1));
        campaigns.terminate(h.tenant, rule.id()).get();
        h.clock.advance(Duration.ofMinutes(1));
        String late = receipt(card, "oLate", Option.of("SOURCE_SCENE_PAY"), false);

        assertThat(otherCard).doesNotContain("campaign");
        assertThat(late).doesNotContain("campaign");
        assertThat(campaigns.membersJoined(h.tenant, rule.id()).get()).isZero();
        assertThat(campaigns.membersJoined(h.tenant, new io.wxcard.domain.campaign.CampaignId("cmp_none")).isLeft())
                .as("an unknown campaign is not found").isTrue();
    }
}
