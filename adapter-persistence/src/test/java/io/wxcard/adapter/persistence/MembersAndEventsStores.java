package io.wxcard.adapter.persistence;

import io.wxcard.application.contract.EventStoreContract;
import io.wxcard.application.contract.MemberProfileStoreContract;
import io.wxcard.application.contract.WebhookStoreContract;
import io.wxcard.application.testing.StoreSet;
import org.junit.jupiter.api.Nested;

/**
 * The contracts of issue 15's stores (profiles and look-ups, events, webhooks), run on each database by the three
 * classes below; kept apart from {@code H2StoresTest} and its siblings so that the stores of other work merge cleanly.
 */
abstract class MembersAndEventsStores extends OnOneDatabase {

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
}
