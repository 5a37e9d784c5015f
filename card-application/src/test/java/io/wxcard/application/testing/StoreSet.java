package io.wxcard.application.testing;

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
import io.wxcard.application.port.out.store.WebhookStore;

/** One implementation of every storage port, sharing one database: what the contract tests run against. */
public interface StoreSet {
    CardStore cards();

    MembershipStore memberships();

    LedgerStore ledger();

    TenantStore tenants();

    OutboxStore outbox();

    /** The push inbox, which also keeps the keys of pushes seen (named for the keys, which came first). */
    InboxStore processedPushes();

    SharedTokenStore tokens();

    TransactionBoundary transactions();

    /**
     * The import jobs' store. A default that fails, so that a store set written before imports existed still
     * compiles; the import contract fails clearly until the store is there.
     */
    default ImportJobStore imports() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no ImportJobStore yet");
    }

    /** Members' profiles and the look-ups (issue 15); a default that fails, like {@link #imports()}. */
    default MemberProfileStore profiles() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no MemberProfileStore yet");
    }

    /** The events table (issue 15). */
    default EventStore events() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no EventStore yet");
    }

    /** Webhooks and their deliveries (issue 15). */
    default WebhookStore webhooks() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no WebhookStore yet");
    }

    /** Ledger batches (issue 15 item 4); a default that fails, like {@link #imports()}. */
    default LedgerBatchStore ledgerBatches() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no LedgerBatchStore yet");
    }

    /** Cards' loyalty set-ups (issue 17). */
    default io.wxcard.application.port.out.store.LoyaltyProgramStore loyaltyPrograms() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no LoyaltyProgramStore yet");
    }

    /** Members' levels, level changes and purchases (issue 17). */
    default io.wxcard.application.port.out.store.MemberStandingStore standings() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no MemberStandingStore yet");
    }
}
