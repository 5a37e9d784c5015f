package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;

/**
 * One import of existing members into one card.
 *
 * @param linesRead         lines seen in the input
 * @param duplicatesInFile  lines whose openid an earlier line of the same input already named: skipped, not staged
 */
public record ImportJob(String id, TenantId tenantId, CardId cardId, Status status, long linesRead,
                        long duplicatesInFile, Instant createdAt, Option<Instant> startedAt,
                        Option<Instant> finishedAt) {

    public enum Status {
        /** Lines are being staged. */
        STAGING,
        /** Staged; rows are being sent (or wait to be). */
        RUNNING,
        /** Every row is settled: imported, skipped or failed. */
        COMPLETED
    }

    /**
     * How the job's rows stand. Every staged row is in exactly one of pending, imported, skipped or failed.
     *
     * @param pending          not settled yet (including those waiting to be retried)
     * @param skipped          the openid already held the card (imported before, or received it on WeChat)
     * @param failed           refused for good, each with its reason
     * @param retrying         pending rows that failed at least once for a reason that may pass
     */
    public record Counts(long staged, long pending, long imported, long skipped, long failed, long retrying) {
        public long settled() {
            return imported + skipped + failed;
        }
    }
}
