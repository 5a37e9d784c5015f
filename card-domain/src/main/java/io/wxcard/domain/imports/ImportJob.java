package io.wxcard.domain.imports;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One import of existing members into one card.
 *
 * @param linesRead         lines seen in the input
 * @param duplicatesInFile  lines whose openid an earlier line of the same input already named: skipped, not staged
 */
public record ImportJob(ImportJobId id, TenantId tenantId, CardId cardId, Status status, long linesRead,
                        long duplicatesInFile, Instant createdAt, Option<Instant> startedAt,
                        Option<Instant> finishedAt) {

    public ImportJob {
        Objects.requireNonNull(id, "import id");
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(cardId, "card id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(startedAt, "started at");
        Objects.requireNonNull(finishedAt, "finished at");
    }

    /** A new job, staging its lines. */
    public static ImportJob started(ImportJobId id, TenantId tenantId, CardId cardId, Instant now) {
        return new ImportJob(id, tenantId, cardId, Status.STAGING, 0, 0, now, Option.none(), Option.none());
    }

    /** Staging is over: the job runs, with its final line and duplicate counts. */
    public ImportJob stagedWith(long lines, long duplicates) {
        return new ImportJob(id, tenantId, cardId, Status.RUNNING, lines, duplicates, createdAt, startedAt, finishedAt);
    }

    /** The job started sending (kept once set). */
    public ImportJob sendingSince(Instant now) {
        return startedAt.isDefined() ? this
                : new ImportJob(id, tenantId, cardId, status, linesRead, duplicatesInFile, createdAt, Option.of(now),
                        finishedAt);
    }

    /** Every row is settled. */
    public ImportJob completedAt(Instant now) {
        return new ImportJob(id, tenantId, cardId, Status.COMPLETED, linesRead, duplicatesInFile, createdAt, startedAt,
                Option.of(now));
    }

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
