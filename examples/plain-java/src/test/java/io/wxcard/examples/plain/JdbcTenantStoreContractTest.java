package io.wxcard.examples.plain;

import io.wxcard.adapter.persistence.DatabaseSettings;
import io.wxcard.adapter.persistence.Persistence;
import io.wxcard.application.contract.TenantStoreContract;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.testing.StoreSet;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * The published contract of {@link TenantStore}, from card-application's test-jar, run against the tea house's own
 * store: the same tests wxcard's in-memory and Jdbi stores pass. The other ports of the store set are wxcard's own,
 * on the same database.
 */
class JdbcTenantStoreContractTest extends TenantStoreContract {

    private final String url = "jdbc:h2:mem:tenants-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Persistence wxcard = Persistence.start(new DatabaseSettings(url, "sa", null, 2));
    private final TenantStore own = new JdbcTenantStore(dataSource(url)).createTable();

    static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }

    @AfterEach
    void close() {
        wxcard.close();
    }

    @Override
    protected StoreSet stores() {
        return new StoreSet() {
            @Override
            public TenantStore tenants() {
                return own;
            }

            @Override
            public CardStore cards() {
                return wxcard.cards();
            }

            @Override
            public MembershipStore memberships() {
                return wxcard.memberships();
            }

            @Override
            public LedgerStore ledger() {
                return wxcard.ledger();
            }

            @Override
            public OutboxStore outbox() {
                return wxcard.outbox();
            }

            @Override
            public InboxStore processedPushes() {
                return wxcard.processedPushes();
            }

            @Override
            public SharedTokenStore tokens() {
                return wxcard.tokens();
            }

            @Override
            public TransactionBoundary transactions() {
                return wxcard.transactions();
            }
        };
    }
}
