package io.wxcard.application.testing;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.Tuple2;
import io.wxcard.application.port.out.store.ProcessedPushStore;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/** {@link ProcessedPushStore} in memory. */
final class InMemoryProcessedPushStore implements ProcessedPushStore, InMemoryStores.Snapshottable {

    private final InMemoryStores db;
    private Map<Tuple2<TenantId, String>, Instant> keys = HashMap.empty();

    InMemoryProcessedPushStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public boolean recordIfNew(TenantId tenantId, String pushKey, Instant receivedAt) {
        return db.locked(() -> {
            var key = new Tuple2<>(tenantId, pushKey);
            if (keys.containsKey(key)) {
                return false;
            }
            keys = keys.put(key, receivedAt);
            return true;
        });
    }

    @Override
    public int forgetReceivedBefore(Instant cutoff) {
        return db.locked(() -> {
            int before = keys.size();
            keys = keys.filterValues(at -> !at.isBefore(cutoff));
            return before - keys.size();
        });
    }

    @Override
    public Object snapshot() {
        return keys;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        keys = (Map<Tuple2<TenantId, String>, Instant>) snapshot;
    }
}
