package io.wxcard.adapter.persistence;

import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.InboxStore;
import io.wxcard.application.port.out.store.SharedTokenStore;
import io.wxcard.application.port.out.store.TenantStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.testing.StoreSet;

/** The contract tests' view of a {@link Persistence}. */
record PersistenceStoreSet(Persistence persistence) implements StoreSet {

    @Override
    public CardStore cards() {
        return persistence.cards();
    }

    @Override
    public MembershipStore memberships() {
        return persistence.memberships();
    }

    @Override
    public LedgerStore ledger() {
        return persistence.ledger();
    }

    @Override
    public TenantStore tenants() {
        return persistence.tenants();
    }

    @Override
    public OutboxStore outbox() {
        return persistence.outbox();
    }

    @Override
    public InboxStore processedPushes() {
        return persistence.processedPushes();
    }

    @Override
    public SharedTokenStore tokens() {
        return persistence.tokens();
    }

    @Override
    public ImportJobStore imports() {
        return persistence.imports();
    }

    @Override
    public io.wxcard.application.port.out.store.LedgerBatchStore ledgerBatches() {
        return persistence.ledgerBatches();
    }

    @Override
    public TransactionBoundary transactions() {
        return persistence.transactions();
    }

    @Override
    public io.wxcard.application.port.out.store.MemberProfileStore profiles() {
        return persistence.profiles();
    }

    @Override
    public io.wxcard.application.port.out.store.EventStore events() {
        return persistence.events();
    }

    @Override
    public io.wxcard.application.port.out.store.WebhookStore webhooks() {
        return persistence.webhooks();
    }

    @Override
    public io.wxcard.application.port.out.store.LoyaltyProgramStore loyaltyPrograms() {
        return persistence.loyaltyPrograms();
    }

    @Override
    public io.wxcard.application.port.out.store.MemberStandingStore standings() {
        return persistence.standings();
    }
}
