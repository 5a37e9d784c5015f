package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.store.StoreVisit;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** A tenant's stores, and the visits members who held the card made to them by scanning a store's code. */
public interface StoreStore {

    /** Adds a store; a store of that id already kept for the tenant is replaced. */
    void save(Store store);

    Option<Store> find(TenantId tenantId, StoreId storeId);

    /** The tenant's stores, oldest first. */
    List<Store> list(TenantId tenantId);

    void recordVisit(StoreVisit visit);

    /** The visits to any store of the tenant for one card, {@code from} included, {@code until} not. */
    List<StoreVisit> visits(TenantId tenantId, CardId cardId, Instant from, Instant until);
}
