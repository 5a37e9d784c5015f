package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.List;

/** Keeps the gift-on-joining campaigns (issue 20), and which imports' failures someone has looked at. */
public interface CampaignStore {

    /** Stores a new campaign ({@link ConcurrentUpdateException} when its id is taken). */
    void add(Campaign campaign);

    /** Records that a stored campaign was terminated. */
    void terminated(Campaign campaign);

    Option<Campaign> find(TenantId tenantId, CampaignId id);

    /** The card's campaigns, oldest first. */
    List<Campaign> ofCard(TenantId tenantId, CardId cardId);

    /** Someone looked at an import's failed rows, and said what they found ({@code note}). */
    void failuresReviewed(ImportReview review);

    Option<ImportReview> review(TenantId tenantId, io.wxcard.domain.imports.ImportJobId jobId);
}
