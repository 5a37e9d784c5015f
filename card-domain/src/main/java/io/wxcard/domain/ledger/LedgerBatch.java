package io.wxcard.domain.ledger;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One upload of ledger lines to one card, applied a chunk at a time as it is read. Its counts are those of the chunks
 * committed so far, so they tell how far it got while it runs and after it broke off.
 */
public record LedgerBatch(LedgerBatchId id, TenantId tenantId, CardId cardId, Status status, Counts counts,
                          Instant createdAt, Option<Instant> finishedAt) {

    public LedgerBatch {
        Objects.requireNonNull(id, "ledger batch id");
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(cardId, "card id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(finishedAt, "finished at");
    }

    public static LedgerBatch started(LedgerBatchId id, TenantId tenantId, CardId cardId, Instant now) {
        return new LedgerBatch(id, tenantId, cardId, Status.RUNNING, Counts.NONE, now, Option.none());
    }

    public enum Status {
        /** Lines are being read and applied. */
        RUNNING,
        /** Every line was read; each is applied, replayed, unchanged or failed. */
        COMPLETED,
        /**
         * The upload broke off, or the service stopped, before its end. The lines counted are applied; sending the
         * same lines again applies the rest (each line's idempotency key makes the applied ones replays).
         */
        INTERRUPTED
    }

    /**
     * How the lines committed so far stand. Every line read is exactly one of these.
     *
     * @param applied   recorded now: one or two ledger entries
     * @param replayed  every change of the line was recorded before under its key (the batch was sent again)
     * @param unchanged a line of targets the membership already had: nothing to record
     * @param failed    refused, each with its reason; nothing of the line was recorded
     */
    public record Counts(long applied, long replayed, long unchanged, long failed) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public long lines() {
            return applied + replayed + unchanged + failed;
        }

        public Counts plus(Counts more) {
            return new Counts(applied + more.applied, replayed + more.replayed, unchanged + more.unchanged,
                    failed + more.failed);
        }
    }
}
