package io.wxcard.application.store;

import io.wxcard.application.contract.ActivationSessionStoreContract;
import io.wxcard.application.contract.CampaignStoreContract;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.testing.InMemoryCampaignStore;
import io.wxcard.application.port.out.store.ActivationSessionStore;
import io.wxcard.application.testing.InMemoryActivationSessionStore;
import io.wxcard.application.contract.PhoneImportStoreContract;
import io.wxcard.application.port.out.store.PhoneImportStore;
import io.wxcard.application.testing.InMemoryPhoneImportStore;
import org.junit.jupiter.api.Nested;

/** The storage contracts of issue 20 (activation sessions, campaigns, phones of WeChat Pay imports), run against the in-memory doubles. */
class InMemoryJoiningStoresContractTest {

    @Nested
    class Campaigns extends CampaignStoreContract {
        private final CampaignStore store = new InMemoryCampaignStore();

        @Override
        protected CampaignStore campaigns() {
            return store;
        }
    }

    @Nested
    class ActivationSessions extends ActivationSessionStoreContract {
        private final ActivationSessionStore store = new InMemoryActivationSessionStore();

        @Override
        protected ActivationSessionStore sessions() {
            return store;
        }
    }

    @Nested
    class PhoneImports extends PhoneImportStoreContract {
        private final PhoneImportStore store = new InMemoryPhoneImportStore();

        @Override
        protected PhoneImportStore phones() {
            return store;
        }
    }
}
