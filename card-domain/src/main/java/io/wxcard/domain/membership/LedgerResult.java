package io.wxcard.domain.membership;

import io.wxcard.domain.ledger.LedgerEntry;
import java.util.List;

/**
 * The outcome of a points or stored-value change on a membership.
 *
 * @param replayed true when the idempotency key had already been used for this change: nothing changed, and
 *                 {@code entry} is the first application's entry
 */
public record LedgerResult(Membership membership, LedgerEntry entry, boolean replayed) {

    /** What happened: the entry recorded, or nothing for a replay. */
    public List<MembershipEvent> events() {
        return replayed ? List.of()
                : List.of(new MembershipEvent.LedgerEntryRecorded(membership.cardId(), membership.code(), entry));
    }
}
