package io.wxcard.application.service;

import static io.wxcard.application.service.Harness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageCampaignsUseCase;
import io.wxcard.application.port.in.ManageCampaignsUseCase.StartCampaignCommand;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignKind;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.campaign.ImportSituation;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {

    private final Harness h = new Harness();
    private final ManageCampaignsUseCase campaigns = h.whole.campaignServices().campaigns();
    private final ImportJobStore imports = h.stores.imports();

    private CampaignTerms payToJoin(long least, long max) {
        return new CampaignTerms(CampaignKind.PAY_TO_JOIN, "满10元开卡", List.of("1900000109"), h.clock.now(),
                h.clock.now().plus(Duration.ofDays(7)), Option.of(Fen.of(least)), Option.of(Fen.of(max)));
    }

    private static RejectionCode refusal(Either<Failure, ?> result) {
        assertThat(result.isLeft()).as("expected a refusal, got %s", result).isTrue();
        return ((Failure.Rejected) result.getLeft()).rejection().code();
    }

    /** An import of the card with two rows: one imported, one failed; running until {@code finished}. */
    private ImportJobId importWithAFailure(Card card, boolean finished) {
        ImportJobId job = new ImportJobId("imp_" + System.nanoTime());
        imports.create(ImportJob.started(job, h.tenant, card.id(), h.clock.now()));
        imports.stage(job, List.of(
                ImportRow.pending(job, 1, new OpenId("oOld1"), Option.none(), Option.none(), Option.none(),
                        Option.none(), Option.none(), "r1-" + job, h.clock.now()),
                ImportRow.pending(job, 2, new OpenId("oOld2"), Option.none(), Option.none(), Option.none(),
                        Option.none(), Option.none(), "r2-" + job, h.clock.now())));
        imports.staged(job, 2, 0, h.clock.now());
        imports.imported(job, 1, new Code("100000000001"), h.clock.now());
        if (finished) {
            imports.failed(job, 2, "openid of another account", h.clock.now());
            imports.completed(job, h.clock.now());
        }
        return job;
    }

    @Test
    void is_refused_while_the_cards_import_runs_and_starts_after_it_is_done_and_looked_at_counting_who_it_protected() {
        Card card = h.approved(Fixtures.definition());
        ImportJobId job = importWithAFailure(card, false);

        assertThat(refusal(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), payToJoin(1, 100_00),
                Option.none())))).isEqualTo(RejectionCode.CAMPAIGN_BLOCKED_BY_IMPORT);
        assertThat(h.whole.wechatCampaigns.rules()).as("nothing told to WeChat").isEmpty();
        assertThat(ok(campaigns.importSituation(h.tenant, card.id())).running()).containsExactly(job.value());

        imports.failed(job, 2, "openid of another account", h.clock.now());
        imports.completed(job, h.clock.now());
        Either<Failure, Campaign> unreviewed = campaigns.start(new StartCampaignCommand(h.tenant, card.id(),
                payToJoin(1, 100_00), Option.none()));
        assertThat(refusal(unreviewed)).isEqualTo(RejectionCode.CAMPAIGN_BLOCKED_BY_IMPORT);
        assertThat(unreviewed.getLeft().detail()).contains("failed rows nobody has looked at");
        assertThat(ok(campaigns.importSituation(h.tenant, card.id())))
                .isEqualTo(new ImportSituation(List.of(), List.of(job.value()), 1));

        ok(campaigns.reviewImportFailures(h.tenant, job, new Reason("the failed openid belongs to another account")));
        assertThat(ok(campaigns.importSituation(h.tenant, card.id())).unreviewedFailed()).isEmpty();
        Campaign started = ok(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), payToJoin(1, 100_00),
                Option.none())));

        assertThat(started.protectedMembers()).isEqualTo(1);
        assertThat(h.whole.wechatCampaigns.rules()).containsExactly(started.wechatId());
        assertThat(ok(campaigns.campaigns(h.tenant, card.id()))).containsExactly(started);
    }

    @Test
    void an_override_with_a_reason_starts_it_while_an_import_runs() {
        Card card = h.approved(Fixtures.definition());
        importWithAFailure(card, false);

        Campaign started = ok(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), payToJoin(1, 100),
                Option.of(new Reason("the import only adds staff cards")))));

        assertThat(started.override().get().value()).isEqualTo("the import only adds staff cards");
    }

    @Test
    void refuses_an_overlapping_rule_and_a_pay_activity_on_a_card_not_upgraded_then_terminates() {
        Card card = h.approved(Fixtures.definition());
        Campaign first = ok(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), payToJoin(1_00, 50_00),
                Option.none())));

        assertThat(refusal(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), payToJoin(50_00, 90_00),
                Option.none())))).isEqualTo(RejectionCode.CAMPAIGN_OVERLAPS);
        ok(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), payToJoin(50_01, 90_00), Option.none())));
        CampaignTerms activity = new CampaignTerms(CampaignKind.NON_MEMBER_AFTERPAY, "开卡有礼",
                List.of("1900000109"), h.clock.now(), h.clock.now().plus(Duration.ofDays(3)), Option.none(),
                Option.none(), Option.of(Fixtures.payActivitySettings()));
        assertThat(refusal(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), activity, Option.none()))))
                .isEqualTo(RejectionCode.CAMPAIGN_CARD_NOT_UPGRADED);

        Campaign ended = ok(campaigns.terminate(h.tenant, first.id()));
        assertThat(ended.terminatedAt().isDefined()).isTrue();
        assertThat(h.whole.wechatCampaigns.rules()).doesNotContain(first.wechatId());
        assertThat(refusal(campaigns.terminate(h.tenant, first.id()))).isEqualTo(RejectionCode.CAMPAIGN_NOT_RUNNING);
        ok(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), payToJoin(50_00, 50_00), Option.none())));
    }

    @Test
    void a_pay_activity_on_a_card_upgraded_for_wechat_pay_passes_the_guard_and_is_made_on_wechat() {
        Card card = h.approved(Fixtures.definition());
        h.app.manageTenants().replaceMerchant(h.tenant, Fixtures.tenantWithEverything(h.tenant).merchant().get())
                .get();
        ok(h.app.upgradeCardForWechatPay().upgrade(new io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase
                .UpgradeCardCommand(h.tenant, card.id(), new io.wxcard.domain.card.BrandId("brand_1004"))));
        CampaignTerms activity = new CampaignTerms(CampaignKind.NON_MEMBER_AFTERPAY, "开卡有礼",
                List.of("1900000109"), h.clock.now(), h.clock.now().plus(Duration.ofDays(3)), Option.none(),
                Option.none(), Option.of(Fixtures.payActivitySettings()));

        Campaign started = ok(campaigns.start(new StartCampaignCommand(h.tenant, card.id(), activity, Option.none())));

        assertThat(h.whole.wechatCampaigns.activities()).containsExactly(started.wechatId());
    }
}
