package io.wxcard.adapter.persistence;

import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.OpenId;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Inserts a job's fresh rows into {@code import_rows}: a range scan of the primary key first, to name a line the job
 * holds already, then one {@link PreparedBatch} of plain {@code INSERT}s, the same statement on every database. Which
 * rows are duplicates is the application's decision; the unique key {@code (job_id, dedupe_key)} only makes sure that
 * no openid is stored twice for a job: a row that breaks it fails the batch (and the transaction with it). A failed
 * row has no dedupe key (NULLs never clash in a unique key) and is always stored.
 */
final class StagedRows {

    private static final String INSERT = "INSERT INTO import_rows (" + StagedRow.COLUMNS + ", dedupe_key) VALUES ("
            + StagedRow.PARAMETERS + ", :dedupeKey)";
    private static final int MAX_UNREAD_TEXT = 256;

    private StagedRows() {}

    /** Inserts the rows in the handle's transaction; the caller undoes it when this throws. */
    static void insert(Handle handle, String jobId, List<ImportRow> rows, ImportRowMapper mapper) {
        refuseHeldLines(handle, jobId, rows);
        PreparedBatch insert = handle.prepareBatch(INSERT);
        for (ImportRow row : rows) {
            insert.bindMap(Sql.components(storable(mapper.toRow(row))))
                    .bind("dedupeKey", row.dedupeKey().map(OpenId::value).getOrNull())
                    .add();
        }
        try {
            insert.execute();
        } catch (JdbiException failure) {
            if (SqlFailures.isDuplicateKey(failure)) {
                throw new IllegalArgumentException("staging import " + jobId + ": one of the openids to stage is "
                        + "staged already, or a line or an openid is twice in the rows to stage", failure);
            }
            throw failure;
        }
    }

    /** The primary key would refuse a line the job holds without saying which; this says it. */
    private static void refuseHeldLines(Handle handle, String jobId, List<ImportRow> rows) {
        Set<Long> lines = rows.stream().map(ImportRow::lineNumber).collect(Collectors.toSet());
        handle.createQuery("SELECT line_no FROM import_rows WHERE job_id = :jobId AND line_no BETWEEN :first AND :last")
                .bind("jobId", jobId)
                .bind("first", Collections.min(lines))
                .bind("last", Collections.max(lines))
                .mapTo(Long.class)
                .list()
                .stream()
                .filter(lines::contains)
                .findFirst()
                .ifPresent(line -> {
                    throw new IllegalArgumentException("line " + line + " of import " + jobId + " is staged already");
                });
    }

    /** The row as stored: texts for people cut to their columns. */
    private static StagedRow storable(StagedRow row) {
        return new StagedRow(row.jobId(), row.lineNo(), Texts.cut(row.openId(), MAX_UNREAD_TEXT), row.code(),
                row.phone(), row.membershipNumber(), row.points(), row.balance(), row.outRequestNo(), row.status(),
                row.attempts(), row.notBefore(), Texts.cut(row.detail(), JdbiImportJobStore.MAX_DETAIL),
                row.importedCode());
    }
}
