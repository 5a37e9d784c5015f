package io.wxcard.adapter.persistence;

import java.time.Instant;

/**
 * What {@code import_jobs} holds of a job itself. The row counters and the lease are further columns, written and
 * read by {@link JdbiImportJobStore} on their own.
 */
record ImportJobRow(
        String id,
        String tenantId,
        String cardId,
        String status,
        long linesRead,
        long duplicatesInFile,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "id, tenant_id, card_id, status, lines_read, duplicates_in_file, created_at, "
            + "started_at, finished_at";

    /** The named parameters for {@link #COLUMNS}, for an {@code INSERT ... VALUES}. */
    static final String PARAMETERS = ":id, :tenantId, :cardId, :status, :linesRead, :duplicatesInFile, :createdAt, "
            + ":startedAt, :finishedAt";
}
