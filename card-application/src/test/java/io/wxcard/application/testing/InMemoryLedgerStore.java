package io.wxcard.application.testing;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.MembershipKey;
import java.util.Collection;

/** {@link LedgerStore} in memory: per membership, its entries in sequence order. */
final class InMemoryLedgerStore implements LedgerStore, InMemoryStores.Snapshottable {

    private final InMemoryStores db;
    private Map<MembershipKey, List<LedgerEntry>> entries = HashMap.empty();

    InMemoryLedgerStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public Option<LedgerEntry> findByKey(MembershipKey membership, IdempotencyKey key) {
        return db.locked(() -> entries.get(membership).flatMap(list -> list.find(e -> e.key().equals(key))));
    }

    @Override
    public void append(MembershipKey membership, LedgerEntry entry) {
        if (!appendIfAbsent(membership, entry)) {
            throw new ConcurrentUpdateException("ledger of " + membership + " already has entry " + entry.sequence()
                    + " or key " + entry.key());
        }
    }

    @Override
    public boolean appendIfAbsent(MembershipKey membership, LedgerEntry entry) {
        return db.locked(() -> {
            List<LedgerEntry> list = entries.get(membership).getOrElse(List.empty());
            if (list.exists(e -> e.sequence() == entry.sequence() || e.key().equals(entry.key()))) {
                return false;
            }
            entries = entries.put(membership, list.append(entry).sortBy(LedgerEntry::sequence));
            return true;
        });
    }

    @Override
    public Option<LedgerEntry> entry(MembershipKey membership, long sequence) {
        return db.locked(() -> entries.get(membership).flatMap(list -> list.find(e -> e.sequence() == sequence)));
    }

    @Override
    public java.util.List<LedgerEntry> entries(MembershipKey membership, Collection<Long> sequences) {
        return db.locked(() -> entries.get(membership).getOrElse(List.empty())
                .filter(e -> sequences.contains(e.sequence()))
                .toJavaList());
    }

    @Override
    public Page<LedgerEntry> history(MembershipKey membership, PageRequest page) {
        return db.locked(() -> InMemoryPaging.page(entries.get(membership).getOrElse(List.empty()).toJavaList(), page));
    }

    @Override
    public Object snapshot() {
        return entries;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        entries = (Map<MembershipKey, List<LedgerEntry>>) snapshot;
    }
}
