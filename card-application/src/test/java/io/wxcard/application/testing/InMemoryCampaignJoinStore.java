package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.CampaignJoinStore;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link CampaignJoinStore} in memory. */
public final class InMemoryCampaignJoinStore implements CampaignJoinStore {

    private final Map<List<String>, CampaignJoin> joins = new LinkedHashMap<>();

    private static List<String> key(TenantId tenantId, CardId cardId, Code code) {
        return List.of(tenantId.value(), cardId.value(), code.value());
    }

    @Override
    public synchronized boolean record(CampaignJoin join) {
        return joins.putIfAbsent(key(join.tenantId(), join.cardId(), join.code()), join) == null;
    }

    @Override
    public synchronized long joined(TenantId tenantId, CampaignId campaignId) {
        return joins.values().stream()
                .filter(join -> join.tenantId().equals(tenantId) && join.campaignId().equals(campaignId)).count();
    }

    @Override
    public synchronized Option<CampaignJoin> of(TenantId tenantId, CardId cardId, Code code) {
        return Option.of(joins.get(key(tenantId, cardId, code)));
    }
}
