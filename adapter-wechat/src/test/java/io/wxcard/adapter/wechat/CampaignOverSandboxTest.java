package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
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
import io.wxcard.domain.card.Card;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 3 / issue 17 item 5 over HTTP: a pay-to-join campaign is refused while its card's import of existing
 * members runs, starts as a {@code card/paygiftcard} rule on the sandbox once the import finished, reports the
 * members the import protected, and is deleted on WeChat when terminated; WeChat's own refusal of a merchant another
 * rule holds is answered as a conflict and leaves no rule behind.
 */
class CampaignOverSandboxTest extends ProductOverSandboxTest {

    private static CampaignTerms payToJoin(String mchid) {
        Instant now = Instant.now();
        return new CampaignTerms(CampaignKind.PAY_TO_JOIN, "满10元开卡", List.of(mchid), now,
                now.plus(Duration.ofDays(7)), Option.of(Fen.of(10_00)), Option.of(Fen.of(500_00)));
    }

    private static int adds(ProductOverSandbox product) {
        return sandbox.calls("/card/paygiftcard/add", product.account.appId()).size();
    }

    @Test
    void refused_while_the_import_runs_started_on_wechat_after_it_finishes_and_deleted_when_terminated() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            ManageCampaignsUseCase campaigns = product.campaigns.campaigns();
            Card card = product.approvedCard(Fixtures.definition());
            ImportJobStore imports = product.stores.imports();
            ImportJobId job = new ImportJobId("imp_" + SandboxFixture.shortId());
            imports.create(ImportJob.started(job, product.tenant, card.id(), Instant.now()));
            imports.stage(job, List.of(ImportRow.pending(job, 1, new OpenId("oOld" + SandboxFixture.shortId()),
                    Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), "r-" + job,
                    Instant.now())));
            imports.staged(job, 1, 0, Instant.now());
            String mchid = "19" + System.nanoTime() % 100_000_000L;

            Either<Failure, Campaign> whileRunning = campaigns.start(new StartCampaignCommand(product.tenant,
                    card.id(), payToJoin(mchid), Option.none()));
            assertThat(((Failure.Rejected) whileRunning.getLeft()).rejection().code())
                    .isEqualTo(RejectionCode.CAMPAIGN_BLOCKED_BY_IMPORT);
            assertThat(adds(product)).as("nothing sent to WeChat").isZero();

            imports.imported(job, 1, new Code("800000000001"), Instant.now());
            imports.completed(job, Instant.now());
            Campaign started = ok(campaigns.start(new StartCampaignCommand(product.tenant, card.id(),
                    payToJoin(mchid), Option.none())));

            assertThat(started.protectedMembers()).as("the member the import brought in").isEqualTo(1);
            assertThat(adds(product)).isEqualTo(1);
            assertThat(started.wechatId()).matches("[0-9]+");
            ok(campaigns.terminate(product.tenant, started.id()));
            assertThat(sandbox.calls("/card/paygiftcard/delete", product.account.appId())).hasSize(1);
            assertThat(ok(campaigns.campaign(product.tenant, started.id())).terminatedAt().isDefined()).isTrue();
        }
    }

    @Test
    void a_merchant_another_rule_holds_on_wechat_is_a_conflict_and_leaves_no_rule() {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            ManageCampaignsUseCase campaigns = product.campaigns.campaigns();
            Card gold = product.approvedCard(Fixtures.definition());
            Card silver = product.approvedCard(Fixtures.definition());
            String mchid = "18" + System.nanoTime() % 100_000_000L;
            ok(campaigns.start(new StartCampaignCommand(product.tenant, gold.id(), payToJoin(mchid), Option.none())));

            Either<Failure, Campaign> taken = campaigns.start(new StartCampaignCommand(product.tenant, silver.id(),
                    payToJoin(mchid), Option.none()));

            assertThat(taken.getLeft()).isInstanceOf(Failure.WechatFailed.class);
            assertThat(taken.getLeft().detail()).contains(mchid, "already used by rule");
            assertThat(ok(campaigns.campaigns(product.tenant, silver.id()))).isEmpty();
            assertThat(sandbox.calls("/card/paygiftcard/delete", product.account.appId()))
                    .as("the half-made rule undone").hasSize(1);
        }
    }
}
