package io.wxcard.domain.ledger;

/** What a membership's ledger adds up to, and the sequence of its last entry (0 for an empty ledger). */
public record LedgerTotals(Points points, Fen balance, long lastSequence) {
    public static final LedgerTotals EMPTY = new LedgerTotals(Points.ZERO, Fen.ZERO, 0);
}
