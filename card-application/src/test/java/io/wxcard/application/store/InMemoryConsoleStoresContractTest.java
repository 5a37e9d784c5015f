package io.wxcard.application.store;

import io.wxcard.application.contract.AuditLogContract;
import io.wxcard.application.contract.OperatorSessionStoreContract;
import io.wxcard.application.contract.PasswordHasherContract;
import io.wxcard.application.port.out.PasswordHasher;
import io.wxcard.application.testing.Pbkdf2Passwords;
import io.wxcard.application.contract.OperatorStoreContract;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.OperatorSessionStore;
import io.wxcard.application.port.out.store.OperatorStore;
import io.wxcard.application.testing.InMemoryAuditLog;
import io.wxcard.application.testing.InMemoryOperatorSessionStore;
import io.wxcard.application.testing.InMemoryOperatorStore;
import org.junit.jupiter.api.Nested;

/** The console's storage contracts, run against the in-memory doubles. */
class InMemoryConsoleStoresContractTest {

    @Nested
    class Operators extends OperatorStoreContract {
        private final OperatorStore store = new InMemoryOperatorStore();

        @Override
        protected OperatorStore operators() {
            return store;
        }
    }

    @Nested
    class Sessions extends OperatorSessionStoreContract {
        private final OperatorSessionStore store = new InMemoryOperatorSessionStore();

        @Override
        protected OperatorSessionStore sessions() {
            return store;
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        private final AuditLog store = new InMemoryAuditLog();

        @Override
        protected AuditLog audit() {
            return store;
        }
    }

    @Nested
    class TestPasswords extends PasswordHasherContract {
        @Override
        protected PasswordHasher hasher() {
            return new Pbkdf2Passwords();
        }
    }
}
