package io.wxcard.adapter.persistence;

import io.wxcard.application.contract.CardStatisticsStoreContract;
import io.wxcard.application.contract.SegmentStoreContract;
import io.wxcard.application.contract.StoreStoreContract;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.application.port.out.store.SegmentStore;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.application.testing.StoreSet;
import org.junit.jupiter.api.Nested;

/**
 * Issue 17's storage contracts (stores and visits, segments and card messages, statistics) on H2, PostgreSQL and
 * MariaDB, each database a class of its own as in {@link H2StoresTest}. Every contract names its own tenants; the
 * statistics one saves a card, so its tables are emptied first.
 */
class EngagementStoresOnEveryDatabaseTest {

    abstract static class EngagementStores extends OnOneDatabase {

        @Nested
        class Stores extends StoreStoreContract {
            @Override
            protected StoreStore stores() {
                return running().persistence().stores();
            }
        }

        @Nested
        class Segments extends SegmentStoreContract {
            @Override
            protected SegmentStore segments() {
                return running().persistence().segments();
            }
        }

        @Nested
        class Statistics extends CardStatisticsStoreContract {
            private final PersistenceStoreSet stores = running().emptied();

            @Override
            protected StoreSet stores() {
                return stores;
            }

            @Override
            protected StoreStore storeStore() {
                return stores.persistence().stores();
            }

            @Override
            protected CardStatisticsStore statistics() {
                return stores.persistence().statistics();
            }
        }
    }

    @Nested
    class OnH2 extends EngagementStores {
        @Override
        TestDatabase newDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends EngagementStores {
        @Override
        TestDatabase newDatabase() {
            return TestDatabase.postgres();
        }
    }

    @Nested
    class OnMariaDb extends EngagementStores {
        @Override
        TestDatabase newDatabase() {
            return TestDatabase.mariadb();
        }
    }
}
