package io.wxcard.application.store;

import io.wxcard.application.contract.CardStoreContract;
import io.wxcard.application.contract.EventStoreContract;
import io.wxcard.application.contract.MemberProfileStoreContract;
import io.wxcard.application.contract.WebhookStoreContract;
import io.wxcard.application.contract.ImportJobStoreContract;
import io.wxcard.application.contract.LedgerBatchStoreContract;
import io.wxcard.application.contract.LedgerStoreContract;
import io.wxcard.application.contract.LoyaltyProgramStoreContract;
import io.wxcard.application.contract.MemberStandingStoreContract;
import io.wxcard.application.contract.MembershipStoreContract;
import io.wxcard.application.contract.OutboxStoreContract;
import io.wxcard.application.contract.InboxStoreContract;
import io.wxcard.application.contract.ProcessedPushStoreContract;
import io.wxcard.application.contract.SharedTokenStoreContract;
import io.wxcard.application.contract.TenantStoreContract;
import io.wxcard.application.contract.TransactionBoundaryContract;
import io.wxcard.application.testing.InMemoryStores;
import io.wxcard.application.testing.StoreSet;
import org.junit.jupiter.api.Nested;

/** The storage contracts, run against the in-memory stores the services' tests use. */
class InMemoryStoresContractTest {

    private static StoreSet fresh() {
        return new InMemoryStores();
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
    class Profiles extends MemberProfileStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Events extends EventStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Webhooks extends WebhookStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class LoyaltyPrograms extends LoyaltyProgramStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }

    @Nested
    class Standings extends MemberStandingStoreContract {
        private final StoreSet stores = fresh();

        @Override
        protected StoreSet stores() {
            return stores;
        }
    }
}
