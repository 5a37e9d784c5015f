package io.wxcard.adapter.persistence;

import io.wxcard.domain.imports.ImportRow;
import org.jdbi.v3.core.Handle;

/**
 * What rows add to their job's counters in {@code import_jobs} (negative: take away). The counters change in the
 * transaction that changes the rows, so they always equal what the rows hold.
 */
record ImportCounters(long staged, long pending, long imported, long skipped, long failed, long retrying) {

    static final ImportCounters NONE = new ImportCounters(0, 0, 0, 0, 0, 0);

    private static final String ADD = "UPDATE import_jobs SET rows_staged = rows_staged + :staged, "
            + "rows_pending = rows_pending + :pending, rows_imported = rows_imported + :imported, "
            + "rows_skipped = rows_skipped + :skipped, rows_failed = rows_failed + :failed, "
            + "rows_retrying = rows_retrying + :retrying WHERE id = :jobId";

    /** What one row counts for: its status, and whether it is pending after a failed attempt. */
    static ImportCounters of(ImportRow.Status status, int attempts) {
        return new ImportCounters(1,
                status == ImportRow.Status.PENDING ? 1 : 0,
                status == ImportRow.Status.IMPORTED ? 1 : 0,
                status == ImportRow.Status.SKIPPED ? 1 : 0,
                status == ImportRow.Status.FAILED ? 1 : 0,
                status == ImportRow.Status.PENDING && attempts > 0 ? 1 : 0);
    }

    ImportCounters plus(ImportCounters other) {
        return new ImportCounters(staged + other.staged, pending + other.pending, imported + other.imported,
                skipped + other.skipped, failed + other.failed, retrying + other.retrying);
    }

    ImportCounters minus(ImportCounters other) {
        return plus(new ImportCounters(-other.staged, -other.pending, -other.imported, -other.skipped, -other.failed,
                -other.retrying));
    }

    /** Adds these to the job's counters, in the handle's transaction. */
    void addTo(Handle handle, String jobId) {
        if (handle.createUpdate(ADD).bind("jobId", jobId).bindMap(Sql.components(this)).execute() == 0) {
            throw JdbiImportJobStore.noJob(jobId);
        }
    }

    /** What a row counts for: its status and how often it was tried. */
    record RowState(ImportRow.Status status, int attempts) {
        ImportCounters counters() {
            return of(status, attempts);
        }
    }
}
