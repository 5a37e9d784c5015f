package io.wxcard.domain.ledger;

import java.time.Instant;

/**
 * One line of a membership's append-only ledger: the change and the totals right after it, so that replaying a key
 * answers exactly what the first application answered.
 *
 * @param sequence 1 for the first entry of a membership, then 2, 3, ...; stores refuse a second entry with the same
 *                 sequence, which is what stops two concurrent changes from both landing on the same old total
 */
public record LedgerEntry(
        long sequence,
        Asset asset,
        long delta,
        Points pointsAfter,
        Fen balanceAfter,
        String reason,
        IdempotencyKey key,
        EntrySource source,
        boolean notifyMember,
        Instant recordedAt) {}
