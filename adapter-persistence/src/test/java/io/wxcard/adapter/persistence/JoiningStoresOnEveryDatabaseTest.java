package io.wxcard.adapter.persistence;

import io.wxcard.application.contract.ActivationSessionStoreContract;
import io.wxcard.application.contract.CampaignStoreContract;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.port.out.store.ActivationSessionStore;
import java.sql.Connection;
import java.sql.SQLException;
import io.wxcard.application.contract.PhoneImportStoreContract;
import io.wxcard.application.port.out.store.PhoneImportStore;
import org.junit.jupiter.api.Nested;

/** The storage contracts of issue 20 (activation sessions, campaigns, phones of WeChat Pay imports) on H2, PostgreSQL and MariaDB. */
class JoiningStoresOnEveryDatabaseTest {

    /** Issue 20's tables emptied, and the stores on them. */
    static Persistence emptied(RunningDatabase running) {
        try (Connection connection = running.connect()) {
            for (String table : new String[] {"activation_sessions", "campaigns", "import_reviews", "pay_phone_imports"}) {
                TestDatabase.execute(connection, "DELETE FROM " + table);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
        return running.persistence();
    }

    abstract static class JoiningStores extends OnOneDatabase {

        @Nested
        class Campaigns extends CampaignStoreContract {
            private final Persistence stores = emptied(running());

            @Override
            protected CampaignStore campaigns() {
                return stores.campaigns();
            }
        }

        @Nested
        class ActivationSessions extends ActivationSessionStoreContract {
            private final Persistence stores = emptied(running());

            @Override
            protected ActivationSessionStore sessions() {
                return stores.activationSessions();
            }
        }

        @Nested
        class PhoneImports extends PhoneImportStoreContract {
            private final Persistence stores = emptied(running());

            @Override
            protected PhoneImportStore phones() {
                return stores.phoneImports();
            }
        }
    }

    @Nested
    class OnH2 extends JoiningStores {
        @Override
        TestDatabase newDatabase() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends JoiningStores {
        @Override
        TestDatabase newDatabase() {
            return TestDatabase.postgres();
        }
    }

    @Nested
    class OnMariaDb extends JoiningStores {
        @Override
        TestDatabase newDatabase() {
            return TestDatabase.mariadb();
        }
    }
}
