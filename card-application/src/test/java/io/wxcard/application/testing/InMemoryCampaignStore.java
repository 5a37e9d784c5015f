package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.ImportReview;
import io.wxcard.domain.campaign.Campaign;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.tenant.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link CampaignStore} in memory. */
public final class InMemoryCampaignStore implements CampaignStore {

    private final Map<CampaignId, Campaign> campaigns = new LinkedHashMap<>();
    private final Map<ImportJobId, ImportReview> reviews = new LinkedHashMap<>();

    @Override
    public synchronized void add(Campaign campaign) {
        if (campaigns.putIfAbsent(campaign.id(), campaign) != null) {
            throw new ConcurrentUpdateException("adding campaign " + campaign.id() + ": its id is taken");
        }
    }

    @Override
    public synchronized void terminated(Campaign campaign) {
        campaigns.computeIfPresent(campaign.id(), (id, stored) -> campaign);
    }

    @Override
    public synchronized Option<Campaign> find(TenantId tenantId, CampaignId id) {
        return Option.of(campaigns.get(id)).filter(campaign -> campaign.tenantId().equals(tenantId));
    }

    @Override
    public synchronized List<Campaign> ofCard(TenantId tenantId, CardId cardId) {
        return campaigns.values().stream().filter(c -> c.tenantId().equals(tenantId) && c.cardId().equals(cardId))
                .sorted(java.util.Comparator.comparing(Campaign::startedAt)).toList();
    }

    @Override
    public synchronized void failuresReviewed(ImportReview review) {
        reviews.put(review.jobId(), review);
    }

    @Override
    public synchronized Option<ImportReview> review(TenantId tenantId, ImportJobId jobId) {
        return Option.of(reviews.get(jobId)).filter(review -> review.tenantId().equals(tenantId));
    }
}
