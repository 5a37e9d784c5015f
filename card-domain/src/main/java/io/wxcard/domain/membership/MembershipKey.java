package io.wxcard.domain.membership;

import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/** What names one membership: a code within one card of one tenant. */
public record MembershipKey(TenantId tenantId, CardId cardId, Code code) {
    public MembershipKey {
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(cardId, "card id");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return tenantId + "/" + cardId + "/" + code;
    }
}
