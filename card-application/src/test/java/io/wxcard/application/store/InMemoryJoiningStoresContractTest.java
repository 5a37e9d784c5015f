package io.wxcard.application.store;

import io.wxcard.application.contract.ActivationSessionStoreContract;
import io.wxcard.application.port.out.store.ActivationSessionStore;
import io.wxcard.application.testing.InMemoryActivationSessionStore;
import org.junit.jupiter.api.Nested;

/** The storage contracts of issue 20 (activation sessions, campaigns), run against the in-memory doubles. */
class InMemoryJoiningStoresContractTest {

    @Nested
    class ActivationSessions extends ActivationSessionStoreContract {
        private final ActivationSessionStore store = new InMemoryActivationSessionStore();

        @Override
        protected ActivationSessionStore sessions() {
            return store;
        }
    }
}
