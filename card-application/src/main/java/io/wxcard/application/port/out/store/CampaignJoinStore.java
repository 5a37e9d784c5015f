package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.campaign.CampaignId;
import io.wxcard.domain.campaign.CampaignJoin;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.TenantId;

/** Who joined through which campaign (issue 17 item 5): one row per membership, kept once. */
public interface CampaignJoinStore {

    /** Keeps the join; false, changing nothing, when this membership's join is kept already (a repeated push). */
    boolean record(CampaignJoin join);

    /** How many members joined through the campaign. */
    long joined(TenantId tenantId, CampaignId campaignId);

    /** The campaign a membership joined through, if any. */
    Option<CampaignJoin> of(TenantId tenantId, CardId cardId, Code code);
}
