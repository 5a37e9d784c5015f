package io.wxcard.adapter.persistence;

import io.wxcard.application.contract.AuditLogContract;
import io.wxcard.application.contract.OperatorSessionStoreContract;
import io.wxcard.application.contract.OperatorStoreContract;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.OperatorSessionStore;
import io.wxcard.application.port.out.store.OperatorStore;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;

/**
 * The console's storage contracts (operators, sessions, audit log) on H2, PostgreSQL and MariaDB, each database a
 * class of its own as in {@link H2StoresTest}.
 */
class ConsoleStoresOnEveryDatabaseTest {

    /** The console's tables emptied, and the stores on them. */
    static Persistence emptied(RunningDatabase running) {
        try (Connection connection = running.connect()) {
            for (String table : new String[] {"operator_sessions", "operators", "audit_log"}) {
                TestDatabase.execute(connection, "DELETE FROM " + table);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
        return running.persistence();
    }

    abstract static class ConsoleStores extends OnOneDatabase {

        @Nested
        class Operators extends OperatorStoreContract {
            private final Persistence stores = emptied(running());

            @Override
            protected OperatorStore operators() {
                return stores.operators();
            }
        }

        @Nested
        class Sessions extends OperatorSessionStoreContract {
            private final Persistence stores = emptied(running());

            @Override
            protected OperatorSessionStore sessions() {
                return stores.operatorSessions();
            }
        }

        @Nested
        class Audit extends AuditLogContract {
            private final Persistence stores = emptied(running());

            @Override
            protected AuditLog audit() {
                return stores.auditLog();
            }
        }
    }

    @Nested
    class OnH2 extends ConsoleStores {
        @Override
        TestDatabase newDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ConsoleStores {
        @Override
        TestDatabase newDatabase() {
            return TestDatabase.postgres();
        }
    }

    @Nested
    class OnMariaDb extends ConsoleStores {
        @Override
        TestDatabase newDatabase() {
            return TestDatabase.mariadb();
        }
    }
}
