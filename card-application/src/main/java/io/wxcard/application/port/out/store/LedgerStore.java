package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.membership.MembershipKey;
import java.util.Collection;
import java.util.List;

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
}
