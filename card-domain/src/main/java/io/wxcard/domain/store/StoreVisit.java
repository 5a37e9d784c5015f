package io.wxcard.domain.store;

import io.wxcard.domain.card.CardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A member who already held the card scanned a store's code and WeChat opened the card to them
 * ({@code user_view_card} with the store's {@code outer_str}): the visit counts for the store, no second card is given.
 */
public record StoreVisit(TenantId tenantId, StoreId storeId, CardId cardId, Code code, Instant at) {
    public StoreVisit {
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(storeId, "store id");
        Objects.requireNonNull(cardId, "card id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
    }
}
