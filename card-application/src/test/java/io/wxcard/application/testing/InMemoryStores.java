package io.wxcard.application.testing;

import io.vavr.control.Either;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.LedgerBatchStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.store.EventStore;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.port.out.store.PhoneImportStore;
import io.wxcard.application.port.out.store.WebhookStore;
import io.wxcard.domain.membership.Membership;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every store in memory, sharing one lock and one transaction boundary. The stores keep their rows in persistent
 * (Vavr) maps, so a transaction snapshots all of them in O(1) and restores them when the work fails: the same
 * all-or-nothing a database gives, which the contract tests check of both.
 */
public final class InMemoryStores implements StoreSet {

    private final ReentrantLock lock = new ReentrantLock();
    private final InMemoryCardStore cards = new InMemoryCardStore(this);
    private final InMemoryMembershipStore memberships = new InMemoryMembershipStore(this);
    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore(this);
    private final InMemoryTenantStore tenants = new InMemoryTenantStore(this);
    private final InMemoryOutboxStore outbox = new InMemoryOutboxStore(this);
    private final InMemoryProcessedPushStore pushKeys = new InMemoryProcessedPushStore(this);
    private final InMemoryInboxStore processedPushes = new InMemoryInboxStore(this, pushKeys);
    private final InMemorySharedTokenStore tokens = new InMemorySharedTokenStore(this);
    private final InMemoryImportJobStore imports = new InMemoryImportJobStore(this);
    private final InMemoryMemberProfileStore profiles = new InMemoryMemberProfileStore(this);
    private final InMemoryEventStore events = new InMemoryEventStore(this);
    private final InMemoryWebhookStore webhooks = new InMemoryWebhookStore(this);
    private final InMemoryLedgerBatchStore ledgerBatches = new InMemoryLedgerBatchStore(this);
    private final InMemoryLoyaltyProgramStore loyaltyPrograms = new InMemoryLoyaltyProgramStore(this);
    private final InMemoryMemberStandingStore standings = new InMemoryMemberStandingStore(this);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryPhoneImportStore phoneImports = new InMemoryPhoneImportStore();
    private final List<Snapshottable> tables = List.of(cards, memberships, ledger, tenants, outbox, pushKeys,
            processedPushes, tokens, imports, profiles, events, webhooks, auditLog, ledgerBatches, loyaltyPrograms,
            standings, phoneImports);
    private final TransactionBoundary transactions = new TransactionBoundary() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return undoneWhen(work, result -> false);
        }

        @Override
        public <L, R> Either<L, R> inTransactionUnlessLeft(Supplier<Either<L, R>> work) {
            return undoneWhen(work, Either::isLeft);
        }
    };

    /**
     * Runs the work under the lock and puts every table back as it was when the work throws or its result asks for it.
     * Inside an enclosing transaction this snapshot is a savepoint: a failure undoes only this work.
     */
    private <T> T undoneWhen(Supplier<T> work, Predicate<T> undo) {
        lock.lock();
        try {
            List<Object> saved = tables.stream().map(Snapshottable::snapshot).toList();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error failure) {
                restore(saved);
                throw failure;
            }
            if (undo.test(result)) {
                restore(saved);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private void restore(List<Object> saved) {
        for (int i = 0; i < tables.size(); i++) {
            tables.get(i).restore(saved.get(i));
        }
    }

    /** Runs one store operation under the shared lock, so it sees and leaves a consistent state. */
    <T> T locked(Supplier<T> operation) {
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public io.wxcard.application.port.out.store.LoyaltyProgramStore loyaltyPrograms() {
        return loyaltyPrograms;
    }

    @Override
    public io.wxcard.application.port.out.store.MemberStandingStore standings() {
        return standings;
    }

    @Override
    public CardStore cards() {
        return cards;
    }

    @Override
    public MembershipStore memberships() {
        return memberships;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    @Override
    public TenantStore tenants() {
        return tenants;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public InboxStore processedPushes() {
        return processedPushes;
    }

    /** What applying (or refusing) the inbox's rows in a state said, in arrival order. */
    public java.util.List<String> inboxOutcomes(io.wxcard.application.port.out.store.InboxMessage.State state) {
        return processedPushes.outcomes(state);
    }

    @Override
    public SharedTokenStore tokens() {
        return tokens;
    }

    @Override
    public ImportJobStore imports() {
        return imports;
    }

    @Override
    public LedgerBatchStore ledgerBatches() {
        return ledgerBatches;
    }

    /** Phones of members imported through WeChat Pay, until their membership appears (issue 20). */
    public PhoneImportStore phoneImports() {
        return phoneImports;
    }

    @Override
    public MemberProfileStore profiles() {
        return profiles;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public WebhookStore webhooks() {
        return webhooks;
    }

    /** The operators' audit log, in these stores' transactions (the console's actions and their entries). */
    public InMemoryAuditLog auditLog() {
        return auditLog;
    }

    /** Every stored membership, for the look-ups across cards. */
    java.util.stream.Stream<Membership> allMemberships() {
        return memberships.all();
    }

    /** Runs {@code listener} after each push the inbox keeps (outside the lock): a worker's wake-up call. */
    public void onPushKept(Runnable listener) {
        processedPushes.onAdded(listener);
    }

    @Override
    public TransactionBoundary transactions() {
        return transactions;
    }

    /** A table whose whole content can be saved and put back. */
    interface Snapshottable {
        Object snapshot();

        void restore(Object snapshot);
    }
}
