package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The append-only ledger entries of memberships. Saving the membership (its totals) and appending the entry happen in
 * one transaction, so totals and entries never disagree; a new membership is saved before its first entries, so
 * stores may hold entries to their membership with a foreign key.
 */
public interface LedgerStore {

    Option<LedgerEntry> findByKey(MembershipKey membership, IdempotencyKey key);

    /**
     * Appends an entry; entries are never changed or removed.
     *
     * @throws ConcurrentUpdateException when the membership already has an entry with this sequence or this key
     */
    void append(MembershipKey membership, LedgerEntry entry);

    /**
     * Appends an entry unless the membership already has one with its sequence or its key: then nothing is written,
     * and the caller's transaction goes on as if the call had not been made. The unique key is the ledger's
     * idempotency check, so a caller need not look the key up first.
     *
     * @return whether the entry was appended
     */
    boolean appendIfAbsent(MembershipKey membership, LedgerEntry entry);

    /** The membership's entry with that sequence number (1 for its first), if it has one. */
    Option<LedgerEntry> entry(MembershipKey membership, long sequence);

    /**
     * The membership's entries with these sequence numbers (those it has), in sequence order: one read for the
     * entries an outbox call stands for.
     */
    List<LedgerEntry> entries(MembershipKey membership, Collection<Long> sequences);

    /** A membership's entries in sequence order (oldest first). */
    Page<LedgerEntry> history(MembershipKey membership, PageRequest page);

    /**
     * The entries of a card's memberships that carry these keys (for each code, its keys): one read for a chunk of a
     * ledger batch, in place of a {@link #findByKey} per line.
     */
    default List<MembershipEntry> findByKeys(TenantId tenantId, CardId cardId, Map<Code, Set<IdempotencyKey>> keys) {
        List<MembershipEntry> found = new ArrayList<>();
        keys.forEach((code, ofCode) -> {
            MembershipKey membership = new MembershipKey(tenantId, cardId, code);
            ofCode.forEach(key -> findByKey(membership, key).forEach(e -> found.add(new MembershipEntry(membership, e))));
        });
        return found;
    }

    /**
     * {@link #append} for each entry, in one round trip where the store can.
     *
     * @throws ConcurrentUpdateException when a membership already has one of the sequences or keys (the caller's
     *                                   transaction is to be rolled back)
     */
    default void appendAll(List<MembershipEntry> entries) {
        entries.forEach(e -> append(e.membership(), e.entry()));
    }

    /** An entry with the membership it belongs to. */
    record MembershipEntry(MembershipKey membership, LedgerEntry entry) {}
}
