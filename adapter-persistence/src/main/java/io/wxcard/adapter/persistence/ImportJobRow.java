package io.wxcard.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

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

    static ImportJobRow read(ResultSet rs, StatementContext context) throws SQLException {
        return new ImportJobRow(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getString("card_id"),
                rs.getString("status"),
                rs.getLong("lines_read"),
                rs.getLong("duplicates_in_file"),
                UtcInstants.read(rs, "created_at"),
                UtcInstants.read(rs, "started_at"),
                UtcInstants.read(rs, "finished_at"));
    }

    /** Binds every component under its own name. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement
                .bind("id", id)
                .bind("tenantId", tenantId)
                .bind("cardId", cardId)
                .bind("status", status)
                .bind("linesRead", linesRead)
                .bind("duplicatesInFile", duplicatesInFile)
                .bind("createdAt", createdAt)
                .bind("startedAt", startedAt)
                .bind("finishedAt", finishedAt);
    }
}
