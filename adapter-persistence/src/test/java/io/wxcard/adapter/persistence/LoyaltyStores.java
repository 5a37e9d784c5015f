package io.wxcard.adapter.persistence;

import io.wxcard.application.contract.LoyaltyProgramStoreContract;
import io.wxcard.application.contract.MemberStandingStoreContract;
import io.wxcard.application.testing.StoreSet;
import org.junit.jupiter.api.Nested;

/** The contracts of issue 17's stores (loyalty set-ups, levels, purchases), run on each database by the classes below. */
abstract class LoyaltyStores extends OnOneDatabase {

    @Nested
    class Programs extends LoyaltyProgramStoreContract {
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
