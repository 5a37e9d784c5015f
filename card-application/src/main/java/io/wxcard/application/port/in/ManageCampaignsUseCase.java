package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ImportReview;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignTerms;
import io.wxcard.domain.campaign.ImportSituation;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * Gift-on-joining campaigns (issue 20 item 3; issue 17 item 5): pay-to-join rules and WeChat Pay member-card
 * activities as one thing, guarded so that an import of existing members never lets an old member be paid as new.
 */
public interface ManageCampaignsUseCase {

    Either<Failure, Campaign> start(StartCampaignCommand command);

    Either<Failure, List<Campaign>> campaigns(TenantId tenantId, CardId cardId);

    Either<Failure, Campaign> campaign(TenantId tenantId, CampaignId id);

    /** Ends a running campaign early, on WeChat first. */
    Either<Failure, Campaign> terminate(TenantId tenantId, CampaignId id);

    /**
     * How the card's imports stand for a campaign starting now: the ones running, the finished ones whose failed rows
     * nobody reviewed (either refuses a start without an override), and the members they imported.
     */
    Either<Failure, ImportSituation> importSituation(TenantId tenantId, CardId cardId);

    /** Someone looked at an import's failed rows: campaigns on its card stop waiting for them. */
    Either<Failure, ImportReview> reviewImportFailures(TenantId tenantId, ImportJobId jobId, Reason note);

    /** @param override why the campaign starts although an import is running or has unreviewed failures */
    record StartCampaignCommand(TenantId tenantId, CardId cardId, CampaignTerms terms, Option<Reason> override) {
        public StartCampaignCommand {
            Objects.requireNonNull(tenantId, "tenant");
            Objects.requireNonNull(cardId, "card");
            Objects.requireNonNull(terms, "terms");
            override = override == null ? Option.none() : override;
        }
    }
}
