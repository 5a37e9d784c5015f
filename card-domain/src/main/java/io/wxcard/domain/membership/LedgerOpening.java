package io.wxcard.domain.membership;

import io.wxcard.domain.ledger.LedgerEntry;
import java.util.List;

/** A membership whose ledger was opened, and the entries that opened it (to append after saving the membership). */
public record LedgerOpening(Membership membership, List<LedgerEntry> entries) {
    public LedgerOpening {
        entries = List.copyOf(entries);
    }
}
