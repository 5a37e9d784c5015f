package io.wxcard.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.port.out.store.WebhookStore;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every storage port over one database (H2, PostgreSQL, MariaDB or MySQL, told by the JDBC URL), with its connection
 * pool. {@link #start} migrates the schema first. The stores share one {@link #transactions() transaction boundary}.
 */
public final class Persistence implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);
    private static final int REACHABLE_WITHIN_SECONDS = 2;

    private final HikariDataSource dataSource;
    private final Sql sql;
    private final TransactionBoundary transactions;
    private final CardStore cards;
    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final TenantStore tenants;
    private final OutboxStore outbox;
    private final InboxStore processedPushes;
    private final SharedTokenStore tokens;
    private final ImportJobStore imports;
    private final MemberProfileStore profiles;
    private final EventStore events;
    private final WebhookStore webhooks;
    private final ExecutorService probe = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wxcard-db-probe");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Boolean> runningProbe;

    private Persistence(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.sql = new Sql(dataSource, vendor);
        this.transactions = new JdbiTransactions(sql.jdbi(), vendor);
        this.cards = new JdbiCardStore(sql);
        this.memberships = new JdbiMembershipStore(sql);
        this.ledger = new JdbiLedgerStore(sql);
        this.tenants = new JdbiTenantStore(sql);
        this.outbox = new JdbiOutboxStore(sql);
        this.processedPushes = new JdbiInboxStore(sql, new JdbiProcessedPushStore(sql));
        this.tokens = new JdbiSharedTokenStore(sql);
        this.imports = new JdbiImportJobStore(sql);
        this.profiles = new JdbiMemberProfileStore(sql);
        this.events = new JdbiEventStore(sql);
        this.webhooks = new JdbiWebhookStore(sql);
    }

    /** Opens the pool and migrates the schema. Fails when the database cannot be reached or migrated. */
    public static Persistence start(DatabaseSettings settings) {
        Vendor vendor = Vendor.of(settings.jdbcUrl());
        HikariDataSource dataSource = ConnectionPool.open(settings, vendor, "wxcard-db");
        try {
            Migrations.migrate(dataSource, vendor);
        } catch (RuntimeException failed) {
            dataSource.close();
            throw failed;
        }
        LOG.info("storage ready on {} ({})", vendor, settings.redactedUrl());
        return new Persistence(dataSource, vendor);
    }

    /** Migrates the schema and closes the connection again (the command line's {@code migrate}). */
    public static void migrate(DatabaseSettings settings) {
        Vendor vendor = Vendor.of(settings.jdbcUrl());
        try (HikariDataSource dataSource = ConnectionPool.open(settings, vendor, "wxcard-migrate")) {
            Migrations.migrate(dataSource, vendor);
        }
    }

    public CardStore cards() {
        return cards;
    }

    public MembershipStore memberships() {
        return memberships;
    }

    public LedgerStore ledger() {
        return ledger;
    }

    public TenantStore tenants() {
        return tenants;
    }

    public OutboxStore outbox() {
        return outbox;
    }

    /** The push inbox, with the keys of pushes seen (named for the keys, which came first). */
    public InboxStore processedPushes() {
        return processedPushes;
    }

    public SharedTokenStore tokens() {
        return tokens;
    }

    public ImportJobStore imports() {
        return imports;
    }

    public MemberProfileStore profiles() {
        return profiles;
    }

    public EventStore events() {
        return events;
    }

    public WebhookStore webhooks() {
        return webhooks;
    }

    public TransactionBoundary transactions() {
        return transactions;
    }

    /** The stores' Jdbi, for this module's tests. */
    Jdbi jdbi() {
        return sql.jdbi();
    }

    /**
     * Whether the database answers within about two seconds, for a readiness check. Never blocks longer; while an
     * earlier check still waits for an answer, answers false at once.
     */
    public synchronized boolean isReachable() {
        if (probe.isShutdown() || runningProbe != null && !runningProbe.isDone()) {
            return false;
        }
        runningProbe = probe.submit(() -> ConnectionPool.answers(dataSource, REACHABLE_WITHIN_SECONDS));
        try {
            return runningProbe.get(REACHABLE_WITHIN_SECONDS + 1, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException slowOrFailed) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        probe.shutdownNow();
        dataSource.close();
    }
}
