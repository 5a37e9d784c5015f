package io.wxcard.domain.campaign;

import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A member who joined through a campaign: the membership ({@code cardId}, {@code code}) the receipt made, and what
 * WeChat's push said ({@code sourceScene}, the time it gives).
 */
public record CampaignJoin(TenantId tenantId, CampaignId campaignId, CardId cardId, Code code, OpenId openId,
                           String sourceScene, Instant joinedAt) {
    public CampaignJoin {
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(campaignId, "campaign");
        Objects.requireNonNull(cardId, "card");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(openId, "openid");
        Objects.requireNonNull(sourceScene, "source scene");
        Objects.requireNonNull(joinedAt, "joined at");
    }
}
