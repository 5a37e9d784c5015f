package io.wxcard.application.testing;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.store.Store;
import io.wxcard.domain.store.StoreId;
import io.wxcard.domain.store.StoreVisit;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link StoreStore} in memory. */
public final class InMemoryStoreStore implements StoreStore {

    private final Map<List<String>, Store> stores = new LinkedHashMap<>();
    private final List<StoreVisit> visits = new ArrayList<>();

    @Override
    public synchronized void save(Store store) {
        stores.put(List.of(store.tenantId().value(), store.id().value()), store);
    }

    @Override
    public synchronized Option<Store> find(TenantId tenantId, StoreId storeId) {
        return Option.of(stores.get(List.of(tenantId.value(), storeId.value())));
    }

    @Override
    public synchronized List<Store> list(TenantId tenantId) {
        return stores.values().stream().filter(store -> store.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(Store::createdAt).thenComparing(store -> store.id().value())).toList();
    }

    @Override
    public synchronized void recordVisit(StoreVisit visit) {
        visits.add(visit);
    }

    @Override
    public synchronized List<StoreVisit> visits(TenantId tenantId, CardId cardId, Instant from, Instant until) {
        return visits.stream().filter(visit -> visit.tenantId().equals(tenantId) && visit.cardId().equals(cardId))
                .filter(visit -> !visit.at().isBefore(from) && visit.at().isBefore(until))
                .sorted(Comparator.comparing(StoreVisit::at)).toList();
    }
}
