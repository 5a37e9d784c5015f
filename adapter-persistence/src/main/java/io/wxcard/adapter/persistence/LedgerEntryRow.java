package io.wxcard.adapter.persistence;

import java.time.Instant;

/** One row of {@code ledger_entries}. */
record LedgerEntryRow(
        String tenantId,
        String cardId,
        String code,
        long sequenceNo,
        String asset,
        long delta,
        long pointsAfter,
        long balanceAfter,
        String reason,
        String idempotencyKey,
        String entrySource,
        boolean notifyMember,
        Instant recordedAt) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "tenant_id, card_id, code, sequence_no, asset, delta, points_after, "
            + "balance_after, reason, idempotency_key, entry_source, notify_member, "
            + "recorded_at";

    /** The named parameters for {@link #COLUMNS}, for an {@code INSERT ... VALUES}. */
    static final String PARAMETERS = ":tenantId, :cardId, :code, :sequenceNo, :asset, :delta, :pointsAfter, "
            + ":balanceAfter, :reason, :idempotencyKey, :entrySource, :notifyMember, :recordedAt";
}
