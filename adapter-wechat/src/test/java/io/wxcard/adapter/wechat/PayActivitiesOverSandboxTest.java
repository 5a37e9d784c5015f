package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.in.ManageCampaignsUseCase.CampaignReport;
import io.wxcard.application.port.in.ManageCampaignsUseCase.StartCampaignCommand;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.port.out.wechat.WechatCampaigns;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WeChat Pay member-card activities (issue 20 item 3) through the real adapter's signed calls over HTTP against the
 * sandbox: created once per out_request_no, read, listed and terminated; WeChat Pay's refusals (a card not upgraded,
 * an overlapping activity) as errors; and WeChat's view of a campaign (issue 17 item 5): a rule deleted or an activity
 * terminated on WeChat's side reported as ended, WeChat unreachable answered with our view, flagged.
 */
class PayActivitiesOverSandboxTest extends ProductOverSandboxTest {
    private static final String ACTIVITIES = "/v3/marketing/membercard-activity/activities";

    private static CampaignTerms activity(CampaignKind kind) {
        Instant now = Instant.now();
        return new CampaignTerms(kind, "开卡有礼", List.of("1900000109"), now, now.plus(Duration.ofDays(30)),
                Option.none(), Option.none(), Option.of(Fixtures.payActivitySettings()));
    }

    private static Card upgraded(ProductOverSandbox product) {
        Card card = product.approvedCard(Fixtures.definition());
        return ok(product.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(product.tenant, card.id(),
                new BrandId("1001622624"))));
    }

    @Test
    void an_activity_is_created_once_per_out_request_no_reported_as_wechat_pay_has_it_and_terminated() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            ManageCampaignsUseCase campaigns = product.campaigns.campaigns();
            Card card = upgraded(product);

            Campaign started = ok(campaigns.start(new StartCampaignCommand(product.tenant, card.id(),
                    activity(CampaignKind.NON_MEMBER_AFTERPAY), Option.none())));

            assertThat(started.wechatId()).matches("[0-9]+");
            var created = sandbox.calls(ACTIVITIES, product.account.appId());
            assertThat(created).hasSize(1);
            MerchantCredentials merchant = sandbox.merchant(product.account);
            WechatCampaigns wechat = product.wechat.campaigns();
            assertThat(wechat.createPayActivity(merchant, card.wechatCardId().get(),
                    activity(CampaignKind.NON_MEMBER_AFTERPAY), started.id().value()).get())
                    .as("the same out_request_no answers the same activity").isEqualTo(started.wechatId());

            CampaignReport report = ok(campaigns.report(product.tenant, started.id()));
            assertThat(report.wechat().confirmed()).isTrue();
            assertThat(report.wechat().state()).contains("ONGOING");
            assertThat(ok(campaigns.reports(product.tenant, card.id()))).singleElement()
                    .satisfies(listed -> assertThat(listed.wechat().state()).contains("ONGOING"));

            ok(campaigns.terminate(product.tenant, started.id()));
            assertThat(wechat.payActivity(merchant, started.wechatId()).get().state()).isEqualTo("TERMINATED");
            assertThat(wechat.terminatePayActivity(merchant, started.wechatId()).isRight())
                    .as("terminating again (a repeat after a lost answer) finds it terminated").isTrue();
        }
    }

    @Test
    void wechat_pay_refuses_a_card_not_upgraded_and_an_overlapping_activity_of_the_same_type() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            MerchantCredentials merchant = sandbox.merchant(product.account);
            WechatCampaigns wechat = product.wechat.campaigns();
            Card plain = product.approvedCard(Fixtures.definition());
            Either<WechatError, String> notUpgraded = wechat.createPayActivity(merchant, plain.wechatCardId().get(),
                    activity(CampaignKind.MEMBER_AFTERPAY), "req-plain-1");
            assertThat(notUpgraded.getLeft().message()).contains("请先升级会员卡");

            Card card = upgraded(product);
            assertThat(wechat.createPayActivity(merchant, card.wechatCardId().get(),
                    activity(CampaignKind.MEMBER_AFTERPAY), "req-first").isRight()).isTrue();
            Either<WechatError, String> overlapping = wechat.createPayActivity(merchant, card.wechatCardId().get(),
                    activity(CampaignKind.MEMBER_AFTERPAY), "req-second");
            assertThat(overlapping.getLeft().kind()).isEqualTo(WechatError.Kind.CLIENT_ERROR);
            assertThat(overlapping.getLeft().message()).contains("同类型");
            assertThat(wechat.payActivities(merchant, card.wechatCardId().get()).get()).hasSize(1);
        }
    }

    @Test
    void what_wechat_ended_on_its_side_shows_as_ended_and_wechat_unreachable_answers_our_view_flagged() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            ManageCampaignsUseCase campaigns = product.campaigns.campaigns();
            Card card = upgraded(product);
            Campaign rule = ok(campaigns.start(new StartCampaignCommand(product.tenant, card.id(), new CampaignTerms(
                    CampaignKind.PAY_TO_JOIN, "满10元开卡", List.of("17" + System.nanoTime() % 100_000_000L),
                    Instant.now(), Instant.now().plus(Duration.ofDays(7)), Option.of(Fen.of(10_00)),
                    Option.of(Fen.of(500_00))), Option.none())));
            Campaign activity = ok(campaigns.start(new StartCampaignCommand(product.tenant, card.id(),
                    activity(CampaignKind.MEMBER_AFTERPAY), Option.none())));
            assertThat(ok(campaigns.report(product.tenant, rule.id())).wechat().state())
                    .contains(WechatCampaigns.RULE_PRESENT);

            sandbox.control("POST", "/sandbox/paygift-rules/" + rule.wechatId() + "/deleted-on-wechat",
                    sandbox.object());
            sandbox.control("POST", "/sandbox/membercard-activities/" + activity.wechatId() + "/terminated-on-wechat",
                    sandbox.object());
            List<CampaignReport> reports = ok(campaigns.reports(product.tenant, card.id()));

            assertThat(reports).extracting(r -> r.wechat().state().get())
                    .containsExactly(WechatCampaigns.RULE_DELETED, "TERMINATED");
            assertThat(reports).allSatisfy(r -> {
                assertThat(r.wechat().endedOnWechat()).isTrue();
                assertThat(r.campaign().terminatedAt().isDefined()).isTrue();
            });
            assertThat(sandbox.calls("/card/paygiftcard/batchget", product.account.appId()))
                    .as("one list read for the card's rules").hasSize(1);

            sandbox.faults(sandbox.object().put("http_5xx_ratio", 1.0).put("path_prefix", ACTIVITIES));
            try {
                CampaignReport flagged = ok(campaigns.report(product.tenant, activity.id()));
                assertThat(flagged.wechat().confirmed()).isFalse();
                assertThat(flagged.wechat().problem().get()).contains("not confirmed");
                assertThat(flagged.campaign()).isEqualTo(ok(campaigns.campaign(product.tenant, activity.id())));
            } finally {
                sandbox.clearFaults();
            }
        }
    }
}
