package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.in.ManageCampaignsUseCase.CampaignReport;
import io.wxcard.application.port.in.ManageCampaignsUseCase.StartCampaignCommand;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.ledger.Fen;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17 item 5: a campaign reported with WeChat's view of it, reconciled, and WeChat unreachable answered. */
class CampaignWechatViewTest {

    private final Harness h = new Harness();
    private final ManageCampaignsUseCase campaigns = h.whole.campaignServices().campaigns();

    private Campaign payToJoin(Card card) {
        return ok(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), new CampaignTerms(
                CampaignKind.PAY_TO_JOIN, "满10元开卡", List.of("1900000109"), h.clock.now(),
                h.clock.now().plus(Duration.ofDays(7)), Option.of(Fen.of(1_00)), Option.of(Fen.of(50_00))),
                Option.none())));
    }

    @Test
    void a_rule_wechat_has_is_confirmed_and_one_deleted_on_wechats_side_shows_as_ended_and_is_recorded() {
        Card card = h.approved(Fixtures.definition());
        Campaign kept = payToJoin(card);
        CampaignReport seen = ok(campaigns.report(h.tenant, kept.id()));
        assertThat(seen.wechat().confirmed()).isTrue();
        assertThat(seen.wechat().state()).contains(WechatCampaigns.RULE_PRESENT);

        h.whole.wechatCampaigns.deletedOnWechat(kept.wechatId());
        CampaignReport gone = ok(campaigns.report(h.tenant, kept.id()));

        assertThat(gone.wechat().state()).contains(WechatCampaigns.RULE_DELETED);
        assertThat(gone.wechat().endedOnWechat()).isTrue();
        assertThat(gone.campaign().terminatedAt()).isNotEmpty();
        assertThat(ok(campaigns.campaign(h.tenant, kept.id())).terminatedAt()).as("recorded").isNotEmpty();
        payToJoin(card); // the guard no longer counts the deleted rule as overlapping
    }

    @Test
    void the_cards_list_is_reconciled_with_one_list_read_and_wechat_unreachable_answers_our_view_flagged() {
        Card card = h.approved(Fixtures.definition());
        Campaign first = payToJoin(card);
        h.whole.wechatCampaigns.deletedOnWechat(first.wechatId());

        List<CampaignReport> reports = ok(campaigns.reports(h.tenant, card.id()));
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).wechat().endedOnWechat()).isTrue();

        Campaign second = payToJoin(card);
        h.whole.wechatCampaigns.unreachable(true);
        CampaignReport flagged = ok(campaigns.report(h.tenant, second.id()));
        assertThat(flagged.wechat().confirmed()).isFalse();
        assertThat(flagged.wechat().problem().get()).contains("could not be reached", "not confirmed");
        assertThat(flagged.campaign().terminatedAt()).as("nothing changed").isEmpty();
        assertThat(ok(campaigns.reports(h.tenant, card.id()))).allMatch(r -> !r.wechat().confirmed());
    }

    @Test
    void an_activity_terminated_on_wechat_pays_side_is_reported_with_wechats_state() {
        Card card = h.approved(Fixtures.definition());
        h.app.manageTenants().replaceMerchant(h.tenant, Fixtures.tenantWithEverything(h.tenant).merchant().get())
                .get();
        ok(h.app.upgradeCardForWechatPay().upgrade(new io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase
                .UpgradeCardCommand(h.tenant, card.id(), new io.wxcard.domain.card.BrandId("brand_1004"))));
        Campaign activity = ok(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), new CampaignTerms(
                CampaignKind.MEMBER_AFTERPAY, "老会员有礼", List.of("1900000109"), h.clock.now(),
                h.clock.now().plus(Duration.ofDays(3)), Option.none(), Option.none(),
                Option.of(Fixtures.payActivitySettings())), Option.none())));
        assertThat(ok(campaigns.report(h.tenant, activity.id())).wechat().state()).contains("ONGOING");

        h.whole.wechatCampaigns.terminatedOnWechat(activity.wechatId());

        CampaignReport ended = ok(campaigns.report(h.tenant, activity.id()));
        assertThat(ended.wechat().state()).contains("TERMINATED");
        assertThat(ended.campaign().terminatedAt()).isNotEmpty();
    }
}
