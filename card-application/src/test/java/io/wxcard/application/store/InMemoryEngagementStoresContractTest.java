package io.wxcard.application.store;

import io.wxcard.application.contract.CardStatisticsStoreContract;
import io.wxcard.application.contract.SegmentStoreContract;
import io.wxcard.application.contract.StoreStoreContract;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.application.port.out.store.SegmentStore;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.application.testing.InMemoryCardStatisticsStore;
import io.wxcard.application.testing.InMemorySegmentStore;
import io.wxcard.application.testing.InMemoryStoreStore;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.application.testing.StoreSet;
import org.junit.jupiter.api.Nested;

/** Issue 17's storage contracts (stores, segments, statistics), run against the in-memory doubles. */
class InMemoryEngagementStoresContractTest {

    @Nested
    class Stores extends StoreStoreContract {
        private final StoreStore store = new InMemoryStoreStore();

        @Override
        protected StoreStore stores() {
            return store;
        }
    }

    @Nested
    class Segments extends SegmentStoreContract {
        private final SegmentStore store = new InMemorySegmentStore();

        @Override
        protected SegmentStore segments() {
            return store;
        }
    }

    @Nested
    class Statistics extends CardStatisticsStoreContract {
        private final InMemoryStores stores = new InMemoryStores();
        private final StoreStore storeStore = new InMemoryStoreStore();
        private final CardStatisticsStore statistics = new InMemoryCardStatisticsStore(stores.memberships(),
                stores.ledger(), storeStore);

        @Override
        protected StoreSet stores() {
            return stores;
        }

        @Override
        protected StoreStore storeStore() {
            return storeStore;
        }

        @Override
        protected CardStatisticsStore statistics() {
            return statistics;
        }
    }
}
