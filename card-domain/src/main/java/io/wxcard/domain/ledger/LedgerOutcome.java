package io.wxcard.domain.ledger;

/** What applying a change did: recorded a new entry, or recognised a replay of an earlier one. */
public sealed interface LedgerOutcome {
    LedgerEntry entry();

    record Recorded(Ledger ledger, LedgerEntry entry) implements LedgerOutcome {}

    record Replayed(LedgerEntry entry) implements LedgerOutcome {}
}
