package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.LedgerBatch;
import io.wxcard.domain.ledger.LedgerBatchId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Ledger batches: their progress and the lines that failed. A chunk's counts and failures are written in the chunk's
 * own transaction, so what a batch reports is exactly what it applied, however it ends.
 */
public interface LedgerBatchStore {

    /** A new batch, {@link LedgerBatch.Status#RUNNING}, with no line counted. */
    void create(LedgerBatch batch);

    /**
     * Adds a chunk's counts and its failed lines to the batch, in the caller's transaction (the chunk's).
     *
     * @throws IllegalArgumentException when the batch is unknown
     */
    void chunkApplied(LedgerBatchId batchId, LedgerBatch.Counts counts, List<LineFailure> failures);

    /** The batch ended: {@link LedgerBatch.Status#COMPLETED} or {@link LedgerBatch.Status#INTERRUPTED}. */
    void finished(LedgerBatchId batchId, LedgerBatch.Status status, Instant now);

    Option<LedgerBatch> find(TenantId tenantId, LedgerBatchId batchId);

    /** A card's batches, newest first. */
    Page<LedgerBatch> list(TenantId tenantId, CardId cardId, PageRequest page);

    /** The batch's failed lines, in line order. */
    Page<LineFailure> failures(LedgerBatchId batchId, PageRequest page);

    /** A line that was not applied, and why (naming the field; never the member's personal data). */
    record LineFailure(long lineNumber, String reason) {
        public LineFailure {
            Objects.requireNonNull(reason, "reason");
            if (lineNumber < 1) {
                throw new IllegalArgumentException("line numbers start at 1");
            }
        }
    }
}
