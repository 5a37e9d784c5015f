package io.wxcard.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.wxcard.application.port.out.store.ActivationSessionStore;
import io.wxcard.application.port.out.store.AuditLog;
import io.wxcard.application.port.out.store.CardStatisticsStore;
import io.wxcard.application.port.out.store.CampaignStore;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.SegmentStore;
import io.wxcard.application.port.out.store.StoreStore;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.LedgerBatchStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.application.port.out.store.MemberStandingStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OperatorSessionStore;
import io.wxcard.application.port.out.store.OperatorStore;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.PhoneImportStore;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.port.out.store.WebhookStore;
import io.wxcard.application.service.CardServices;
import io.wxcard.application.service.CardServicesBuilder;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
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

    private final DataSource dataSource;
    /** The pool {@link #start} opened, closed with this; null over a data source the caller owns ({@link #over}). */
    private final HikariDataSource ownPool;
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
    private final LedgerBatchStore ledgerBatches;
    private final OperatorStore operators;
    private final OperatorSessionStore operatorSessions;
    private final AuditLog auditLog;
    private final MemberProfileStore profiles;
    private final EventStore events;
    private final WebhookStore webhooks;
    private final StoreStore stores;
    private final SegmentStore segments;
    private final CardStatisticsStore statistics;
    private final LoyaltyProgramStore loyaltyPrograms;
    private final MemberStandingStore standings;
    private final ActivationSessionStore activationSessions;
    private final CampaignStore campaigns;
    private final PhoneImportStore phoneImports;
    private CompletableFuture<Boolean> runningProbe;
    private boolean closed;

    private Persistence(DataSource dataSource, HikariDataSource ownPool, Vendor vendor) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
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
        this.ledgerBatches = new JdbiLedgerBatchStore(sql);
        this.operators = new JdbiOperatorStore(sql);
        this.operatorSessions = new JdbiOperatorSessionStore(sql);
        this.auditLog = new JdbiAuditLog(sql);
        this.profiles = new JdbiMemberProfileStore(sql);
        this.events = new JdbiEventStore(sql);
        this.webhooks = new JdbiWebhookStore(sql);
        this.stores = new JdbiStoreStore(sql);
        this.segments = new JdbiSegmentStore(sql);
        this.statistics = new JdbiCardStatisticsStore(sql);
        this.loyaltyPrograms = new JdbiLoyaltyProgramStore(sql);
        this.standings = new JdbiMemberStandingStore(sql);
        this.activationSessions = new JdbiActivationSessionStore(sql);
        this.campaigns = new JdbiCampaignStore(sql);
        this.phoneImports = new JdbiPhoneImportStore(sql);
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
        return new Persistence(dataSource, dataSource, vendor);
    }

    /**
     * The stores over a data source the caller owns and closes (an embedding application's pool), migrating its
     * schema first when {@code migrate} says so. The database is told by the URL of one of its connections. The pool
     * should give READ COMMITTED (what {@link #start} sets; a stricter level is logged, a weaker one refused) and, for
     * PostgreSQL, {@code logServerErrorDetail=false} so that no stored value reaches an exception's message.
     */
    public static Persistence over(DataSource dataSource, boolean migrate) {
        Vendor vendor = Vendor.of(ApplicationDataSource.jdbcUrlOf(dataSource));
        ApplicationDataSource.checkIsolation(dataSource, vendor);
        if (migrate) {
            Migrations.migrate(dataSource, vendor);
        }
        LOG.info("storage ready on {} (the application's data source{})", vendor, migrate ? ", migrated" : "");
        return new Persistence(dataSource, null, vendor);
    }

    /**
     * The Flyway placeholders the migrations under {@code classpath:db/migration} need on the database of this URL,
     * for an application whose own Flyway run (Spring Boot's, say) reaches them.
     */
    public static Map<String, String> migrationPlaceholders(String jdbcUrl) {
        return Vendor.of(jdbcUrl).placeholders();
    }

    /** Migrates the schema and closes the connection again (the command line's {@code migrate}). */
    public static void migrate(DatabaseSettings settings) {
        Vendor vendor = Vendor.of(settings.jdbcUrl());
        try (HikariDataSource dataSource = ConnectionPool.open(settings, vendor, "wxcard-migrate")) {
            Migrations.migrate(dataSource, vendor);
        }
    }

    /** The tenants' stores and the visits their QR codes bring (issue 17). */
    public StoreStore stores() {
        return stores;
    }

    /** Segments of card members and the card messages sent to them (issue 17). */
    public SegmentStore segments() {
        return segments;
    }

    /** WeChat's daily card statistics, and what our own are counted from (issue 17). */
    public CardStatisticsStore statistics() {
        return statistics;
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

    /** Ledger batches' progress and failed lines (issue 15 item 4). */
    public LedgerBatchStore ledgerBatches() {
        return ledgerBatches;
    }

    /** The console's operator accounts. */
    public OperatorStore operators() {
        return operators;
    }

    /** Gift-on-joining campaigns and import reviews (issue 20). */
    public CampaignStore campaigns() {
        return campaigns;
    }

    /** The activation pages' sessions (issue 20). */
    public ActivationSessionStore activationSessions() {
        return activationSessions;
    }

    /** Phones of members imported through WeChat Pay, until their membership appears (issue 20). */
    public PhoneImportStore phoneImports() { return phoneImports; }

    /** The console's signed-in sessions. */
    public OperatorSessionStore operatorSessions() {
        return operatorSessions;
    }

    /** What the console's operators changed. */
    public AuditLog auditLog() {
        return auditLog;
    }

    public MemberProfileStore profiles() { return profiles; }
    public EventStore events() { return events; }
    public WebhookStore webhooks() { return webhooks; }

    /** Cards' loyalty set-ups (issue 17). */
    public LoyaltyProgramStore loyaltyPrograms() {
        return loyaltyPrograms;
    }

    /** Members' levels, level changes and purchases (issue 17). */
    public MemberStandingStore standings() {
        return standings;
    }

    public TransactionBoundary transactions() {
        return transactions;
    }

    /** Every store {@link CardServices} needs, given to its builder (an embedding may replace the tenants after). */
    public CardServicesBuilder storesOf(CardServicesBuilder application) {
        return application.cards(cards).memberships(memberships).ledger(ledger).tenants(tenants).outbox(outbox)
                .inbox(processedPushes).imports(imports).ledgerBatches(ledgerBatches).transactions(transactions).events(events)
                .profiles(profiles).webhooks(webhooks).stores(stores).phoneImports(phoneImports);
    }

    /** The stores' Jdbi, for this module's tests. */
    Jdbi jdbi() {
        return sql.jdbi();
    }

    /**
     * Whether the database answers within about two seconds, for a readiness check. Never blocks longer: the check
     * runs on {@code probes} (threads the caller owns; a connection that hangs holds one of them, not the caller), and
     * while an earlier check still waits for an answer, this one answers false at once.
     */
    public synchronized boolean isReachable(Executor probes) {
        if (closed || runningProbe != null && !runningProbe.isDone()) {
            return false;
        }
        try {
            runningProbe = CompletableFuture.supplyAsync(
                    () -> ConnectionPool.answers(dataSource, REACHABLE_WITHIN_SECONDS), probes);
            return runningProbe.get(REACHABLE_WITHIN_SECONDS + 1, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | RejectedExecutionException slowOrFailed) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
