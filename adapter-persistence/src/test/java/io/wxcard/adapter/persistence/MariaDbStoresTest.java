package io.wxcard.adapter.persistence;

import io.wxcard.application.contract.CardStoreContract;
import io.wxcard.application.contract.ImportJobStoreContract;
import io.wxcard.application.contract.LedgerBatchStoreContract;
import io.wxcard.application.contract.LedgerStoreContract;
import io.wxcard.application.contract.MembershipStoreContract;
import io.wxcard.application.contract.OutboxStoreContract;
import io.wxcard.application.contract.InboxStoreContract;
import io.wxcard.application.contract.ProcessedPushStoreContract;
import io.wxcard.application.contract.SharedTokenStoreContract;
import io.wxcard.application.contract.TenantStoreContract;
import io.wxcard.application.contract.TransactionBoundaryContract;
import io.wxcard.application.testing.StoreSet;
import org.junit.jupiter.api.Nested;

/**
 * Every storage contract and this module's behaviour tests, on MariaDB ({@code WXCARD_TEST_MARIADB_URL}), in a
 * database of its own.
 */
class MariaDbStoresTest extends OnOneDatabase {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb();
    }

    @Nested
    class Cards extends CardStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Memberships extends MembershipStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class LedgerBatches extends LedgerBatchStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Ledger extends LedgerStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Tenants extends TenantStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Outbox extends OutboxStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Inbox extends InboxStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class ProcessedPushes extends ProcessedPushStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Tokens extends SharedTokenStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Imports extends ImportJobStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Transactions extends TransactionBoundaryContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class ConcurrentChanges extends ConcurrentChangesBehaviour {
        private final StoreSet stores = fresh();

        @Override
        StoreSet stores() {
            return stores;
        }

        @Override
        TestDatabase newDatabase() {
            return MariaDbStoresTest.this.newDatabase();
        }

        @Override
        RunningDatabase database() {
            return running();
        }
    }

    @Nested
    class NestedTransactions extends TransactionBehaviour {
        private final StoreSet stores = fresh();

        @Override
        StoreSet stores() {
            return stores;
        }

        @Override
        TestDatabase newDatabase() {
            return MariaDbStoresTest.this.newDatabase();
        }

        @Override
        RunningDatabase database() {
            return running();
        }
    }

    @Nested
    class Schema extends SchemaBehaviour {
        private final StoreSet stores = fresh();

        @Override
        StoreSet stores() {
            return stores;
        }

        @Override
        TestDatabase newDatabase() {
            return MariaDbStoresTest.this.newDatabase();
        }

        @Override
        RunningDatabase database() {
            return running();
        }
    }

    @Nested
    class ImportStaging extends ImportBehaviour {
        private final StoreSet stores = fresh();

        @Override
        StoreSet stores() {
            return stores;
        }

        @Override
        TestDatabase newDatabase() {
            return MariaDbStoresTest.this.newDatabase();
        }

        @Override
        RunningDatabase database() {
            return running();
        }
    }

    @Nested
    class Crash extends CrashBehaviour {
        private final StoreSet stores = fresh();

        @Override
        StoreSet stores() {
            return stores;
        }

        @Override
        TestDatabase newDatabase() {
            return MariaDbStoresTest.this.newDatabase();
        }

        @Override
        RunningDatabase database() {
            return running();
        }
    }

    @Nested
    class GroupCommit extends GroupCommitBehaviour {
        private final StoreSet stores = fresh();

        @Override
        StoreSet stores() {
            return stores;
        }

        @Override
        TestDatabase newDatabase() {
            return MariaDbStoresTest.this.newDatabase();
        }

        @Override
        RunningDatabase database() {
            return running();
        }
    }
}
