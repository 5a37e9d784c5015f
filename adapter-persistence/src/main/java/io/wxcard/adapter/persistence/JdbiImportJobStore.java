package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * {@link ImportJobStore} on the {@code import_jobs} and {@code import_rows} tables.
 *
 * <p><b>Staging.</b> A batch of up to 1000 rows is a handful of statements: its pending rows are reduced to the first
 * of each openid (in the order given), a range scan of the primary key makes sure none of its lines is staged yet, one
 * multi-row insert-if-absent ({@link StagedRowInsert}) stores the rows whose openid the job does not hold (the unique
 * {@code (job_id, dedupe_key)} decides, so no lookup precedes it), and one update adds to the job's counters. The
 * duplicates counted are those dropped in the batch plus those the insert left out. A failed row has no dedupe key
 * and is always stored.
 *
 * <p><b>Reading in line order.</b> {@link #due} and {@link #failures} read the index {@code (job_id, status, line_no,
 * not_before)} from the cursor on and stop after {@code limit} rows, however many settled rows lie between; {@link
 * #nextDue} reads the first entry of {@code (job_id, status, not_before)}. Each database needs telling a little
 * differently ({@link Vendor#forceIndex}, {@link Vendor#orderByIndex}).
 *
 * <p><b>Counting.</b> The job's row keeps a counter per status (and one for pending rows retried at least once), changed
 * in the transaction that changes a row, from the row's status before and after (read under its lock). So
 * {@link #counts} (and the total of {@link #failures}) is one primary-key lookup, as cheap for five million rows as
 * for five.
 *
 * <p><b>The lease</b> is one conditional {@code UPDATE} of the job's row, as for shared tokens: concurrent callers
 * serialise on the row and re-check the condition, so exactly one of many takes a free lease.
 */
final class JdbiImportJobStore implements ImportJobStore {

    /** What one statement handles at most; {@link #stage} splits longer lists. */
    static final int BATCH = 1_000;
    private static final int MAX_UNREAD_TEXT = 256;
    private static final int MAX_DETAIL = 2000;

    private static final String JOB_COLUMNS = ImportJobRow.COLUMNS;
    private static final String COUNTERS = "rows_staged, rows_pending, rows_imported, rows_skipped, rows_failed, "
            + "rows_retrying";
    private static final String CREATE = "INSERT INTO import_jobs (" + JOB_COLUMNS + ", " + COUNTERS + ") VALUES ("
            + ImportJobRow.PARAMETERS + ", 0, 0, 0, 0, 0, 0)";
    private static final String ADD_TO_COUNTERS = "UPDATE import_jobs SET rows_staged = rows_staged + :staged, "
            + "rows_pending = rows_pending + :pending, rows_imported = rows_imported + :imported, "
            + "rows_skipped = rows_skipped + :skipped, rows_failed = rows_failed + :failed, "
            + "rows_retrying = rows_retrying + :retrying WHERE id = :jobId";
    private static final String OF_ROW = "job_id = :jobId AND line_no = :line";

    private final Sql sql;
    private final ImportRowMapper mapper = new ImportRowMapperImpl();
    private final StagedRowInsert insert;
    /** Reads pending or failed rows of a job in line order (see the class comment). */
    private final String byDueIndex;

    JdbiImportJobStore(Sql sql) {
        this.sql = sql;
        this.insert = new StagedRowInsert(sql.vendor());
        this.byDueIndex = sql.vendor().forceIndex("ix_import_rows_due");
    }

    @Override
    public void create(ImportJob job) {
        ImportJobRow row = mapper.toRow(job);
        sql.inTransaction(() -> "creating import " + job.id(), handle -> handle.createUpdate(CREATE).bindMap(Sql.components(row)).execute());
    }

    @Override
    public Set<OpenId> alreadyStaged(ImportJobId importId, Set<OpenId> openIds) {
        if (openIds.isEmpty()) {
            return Set.of();
        }
        return sql.inTransaction(() -> "reading staged openids of import " + importId, handle -> handle
                .createQuery("SELECT dedupe_key FROM import_rows WHERE job_id = :jobId AND dedupe_key IN (<keys>)")
                .bind("jobId", importId.value())
                .bindList("keys", openIds.stream().map(OpenId::value).toList())
                .mapTo(String.class)
                .stream()
                .map(OpenId::new)
                .collect(Collectors.toSet()));
    }

    @Override
    public void stage(ImportJobId importId, List<ImportRow> rows) {
        String jobId = importId.value();
        if (rows.isEmpty()) {
            return;
        }
        sql.inTransaction(() -> "staging lines of import " + jobId, handle -> {
            for (int from = 0; from < rows.size(); from += BATCH) {
                stageBatch(handle, jobId, rows.subList(from, Math.min(rows.size(), from + BATCH)));
            }
            return null;
        });
    }

    private void stageBatch(Handle handle, String jobId, List<ImportRow> rows) {
        List<StagedRowInsert.Values> candidates = new ArrayList<>(rows.size());
        Set<String> openIds = new HashSet<>();
        Set<Long> lines = new HashSet<>();
        int unkeyed = 0;
        for (ImportRow row : rows) {
            if (!lines.add(row.lineNumber())) {
                throw new IllegalArgumentException("line " + row.lineNumber() + " is twice in the rows to stage");
            }
            String key = row.dedupeKey().map(OpenId::value).getOrNull();
            if (key == null) {
                unkeyed++;
            } else if (!openIds.add(key)) {
                throw new IllegalArgumentException("openid " + key + " is twice in the rows to stage");
            }
            candidates.add(new StagedRowInsert.Values(storable(mapper.toRow(row)), key));
        }
        checkNotStagedYet(handle, jobId, lines);
        int inserted = insert.insert(handle, candidates);
        if (inserted != candidates.size()) {
            // Undone with the call's transaction: the application stages only openids the job does not hold.
            throw new IllegalArgumentException("staging import " + jobId + ": " + (candidates.size() - inserted)
                    + " of the openids to stage are staged already");
        }
        addToCounters(handle, jobId, new Counters(inserted, inserted - unkeyed, 0, 0, unkeyed, 0));
    }

    /**
     * Refuses lines the job already holds (and a job that does not exist): on MariaDB, {@code INSERT IGNORE} would
     * otherwise drop them silently. One range scan of the primary key, normally empty.
     */
    private static void checkNotStagedYet(Handle handle, String jobId, Set<Long> lines) {
        if (!jobExists(handle, jobId)) {
            throw noJob(jobId);
        }
        long first = lines.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = lines.stream().mapToLong(Long::longValue).max().orElseThrow();
        handle.createQuery("SELECT line_no FROM import_rows WHERE job_id = :jobId AND line_no BETWEEN :first AND :last")
                .bind("jobId", jobId)
                .bind("first", first)
                .bind("last", last)
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
                row.attempts(), row.notBefore(), Texts.cut(row.detail(), MAX_DETAIL), row.importedCode());
    }

    @Override
    public void staged(ImportJobId importId, long linesRead, long duplicatesInFile, Instant now) {
        String jobId = importId.value();
        updateJob(jobId, "closing the staging of import " + jobId, "status = :status, lines_read = :linesRead, "
                + "duplicates_in_file = :duplicates", update -> update
                .bind("status", ImportJob.Status.RUNNING.name())
                .bind("linesRead", linesRead)
                .bind("duplicates", duplicatesInFile));
    }

    @Override
    public Option<ImportJob> find(TenantId tenantId, ImportJobId importId) {
        String jobId = importId.value();
        return sql.inTransaction(() -> "reading import " + jobId, handle -> Option.ofOptional(handle
                .createQuery("SELECT " + JOB_COLUMNS + " FROM import_jobs WHERE id = :jobId AND tenant_id = :tenantId")
                .bind("jobId", jobId)
                .bind("tenantId", tenantId.value())
                .mapTo(ImportJobRow.class)
                .findOne())
                .map(mapper::toJob));
    }

    @Override
    public List<ImportJob> running() {
        return sql.inTransaction(() -> "listing running imports", handle -> handle
                .createQuery("SELECT " + JOB_COLUMNS + " FROM import_jobs WHERE status = :status "
                        + "ORDER BY created_at, id")
                .bind("status", ImportJob.Status.RUNNING.name())
                .mapTo(ImportJobRow.class)
                .list()
                .stream()
                .map(mapper::toJob)
                .toList());
    }

    @Override
    public boolean tryLease(ImportJobId importId, String owner, Instant now, Duration leaseFor) {
        String jobId = importId.value();
        return sql.inTransaction(() -> "leasing import " + jobId, handle -> handle
                .createUpdate("UPDATE import_jobs SET lease_owner = :owner, lease_until = :until WHERE id = :jobId "
                        + "AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until <= :now)")
                .bind("jobId", jobId)
                .bind("owner", owner)
                .bind("until", now.plus(leaseFor))
                .bind("now", now)
                .execute() == 1);
    }

    @Override
    public List<ImportRow> due(ImportJobId importId, long afterLine, int limit, Instant now) {
        String jobId = importId.value();
        if (limit < 1) {
            return List.of();
        }
        return sql.inTransaction(() -> "reading due lines of import " + jobId, handle -> handle
                .createQuery("SELECT " + StagedRow.COLUMNS + " FROM import_rows" + byDueIndex
                        + " WHERE job_id = :jobId AND status = :pending AND line_no > :afterLine AND not_before <= :now "
                        + sql.vendor().orderByIndex("job_id, status", "line_no") + " LIMIT :limit")
                .bind("jobId", jobId)
                .bind("pending", ImportRow.Status.PENDING.name())
                .bind("afterLine", afterLine)
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(StagedRow.class)
                .list()
                .stream()
                .map(mapper::toImportRow)
                .toList());
    }

    @Override
    public void imported(ImportJobId importId, long lineNumber, Code code, Instant now) {
        String jobId = importId.value();
        changeRow(jobId, lineNumber, ImportRow.Status.IMPORTED, false, "imported_code = :code, detail = NULL, "
                + "settled_at = :now", update -> update.bind("code", code.value()).bind("now", now));
    }

    @Override
    public void skipped(ImportJobId importId, long lineNumber, String reason, Instant now) {
        String jobId = importId.value();
        changeRow(jobId, lineNumber, ImportRow.Status.SKIPPED, false, "imported_code = NULL, detail = :reason, "
                + "settled_at = :now", update -> update.bind("reason", Texts.cut(reason, MAX_DETAIL)).bind("now", now));
    }

    @Override
    public void failed(ImportJobId importId, long lineNumber, String reason, Instant now) {
        String jobId = importId.value();
        changeRow(jobId, lineNumber, ImportRow.Status.FAILED, false, "imported_code = NULL, detail = :reason, "
                + "settled_at = :now", update -> update.bind("reason", Texts.cut(reason, MAX_DETAIL)).bind("now", now));
    }

    @Override
    public void retryLater(ImportJobId importId, long lineNumber, Instant notBefore, String reason) {
        String jobId = importId.value();
        changeRow(jobId, lineNumber, null, true, "attempts = attempts + 1, not_before = :notBefore, "
                + "detail = :reason", update -> update.bind("notBefore", notBefore)
                .bind("reason", Texts.cut(reason, MAX_DETAIL)));
    }

    /**
     * Changes one row and the job's counters with it: the row is read under its lock first, so the counters move from
     * the status it really had.
     *
     * @param status the row's new status, or {@code null} to keep it
     */
    private void changeRow(String jobId, long lineNumber, ImportRow.Status status, boolean oneMoreAttempt,
                           String assignments, Consumer<Update> binder) {
        sql.inTransaction(() -> "settling line " + lineNumber + " of import " + jobId, handle -> {
            RowState before = handle
                    .createQuery("SELECT status, attempts FROM import_rows WHERE " + OF_ROW + " FOR UPDATE")
                    .bind("jobId", jobId)
                    .bind("line", lineNumber)
                    .map((rs, context) -> new RowState(ImportRow.Status.valueOf(rs.getString("status")),
                            rs.getInt("attempts")))
                    .findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no line " + lineNumber + " in import " + jobId));
            Update update = handle.createUpdate("UPDATE import_rows SET "
                    + (status == null ? "" : "status = :status, ") + assignments + " WHERE " + OF_ROW)
                    .bind("jobId", jobId)
                    .bind("line", lineNumber);
            if (status != null) {
                update.bind("status", status.name());
            }
            binder.accept(update);
            update.execute();
            RowState after = new RowState(status == null ? before.status() : status,
                    before.attempts() + (oneMoreAttempt ? 1 : 0));
            Counters change = after.counters().minus(before.counters());
            if (!change.equals(Counters.NONE)) {
                addToCounters(handle, jobId, change);
            }
            return null;
        });
    }

    @Override
    public Option<Instant> nextDue(ImportJobId importId) {
        String jobId = importId.value();
        return sql.inTransaction(() -> "reading when import " + jobId + " is due", handle -> Option.of(handle
                .createQuery("SELECT not_before FROM import_rows" + sql.vendor().forceIndex("ix_import_rows_next_due")
                        + " WHERE job_id = :jobId AND status = :pending "
                        + sql.vendor().orderByIndex("job_id, status", "not_before") + " LIMIT 1")
                .bind("jobId", jobId)
                .bind("pending", ImportRow.Status.PENDING.name())
                .mapTo(Instant.class)
                .findOne()
                .orElse(null)));
    }

    @Override
    public void completed(ImportJobId importId, Instant now) {
        String jobId = importId.value();
        updateJob(jobId, "completing import " + jobId, "status = :status, finished_at = :now", update -> update
                .bind("status", ImportJob.Status.COMPLETED.name())
                .bind("now", now));
    }

    @Override
    public void startedSending(ImportJobId importId, Instant now) {
        String jobId = importId.value();
        updateJob(jobId, "starting import " + jobId, "started_at = COALESCE(started_at, :now)",
                update -> update.bind("now", now));
    }

    @Override
    public ImportJob.Counts counts(ImportJobId importId) {
        String jobId = importId.value();
        return sql.inTransaction(() -> "counting the lines of import " + jobId, handle -> handle
                .createQuery("SELECT " + COUNTERS + " FROM import_jobs WHERE id = :jobId")
                .bind("jobId", jobId)
                .map((rs, context) -> new ImportJob.Counts(rs.getLong("rows_staged"), rs.getLong("rows_pending"),
                        rs.getLong("rows_imported"), rs.getLong("rows_skipped"), rs.getLong("rows_failed"),
                        rs.getLong("rows_retrying")))
                .findOne()
                .orElse(new ImportJob.Counts(0, 0, 0, 0, 0, 0)));
    }

    /** The page's rows from the index in line order; the total from the job's counter rather than a count. */
    @Override
    public Page<ImportRow> failures(ImportJobId importId, PageRequest page) {
        String jobId = importId.value();
        return sql.inTransaction(() -> "listing failed lines of import " + jobId, handle -> {
            long total = handle.createQuery("SELECT rows_failed FROM import_jobs WHERE id = :jobId")
                    .bind("jobId", jobId)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(0L);
            List<ImportRow> items = handle.createQuery("SELECT " + StagedRow.COLUMNS + " FROM import_rows"
                            + byDueIndex + " WHERE job_id = :jobId AND status = :failed "
                            + sql.vendor().orderByIndex("job_id, status", "line_no") + " LIMIT :limit OFFSET :offset")
                    .bind("jobId", jobId)
                    .bind("failed", ImportRow.Status.FAILED.name())
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .mapTo(StagedRow.class)
                    .list()
                    .stream()
                    .map(mapper::toImportRow)
                    .toList();
            return new Page<>(items, total, page);
        });
    }

    private void updateJob(String jobId, String what, String assignments, Consumer<Update> binder) {
        sql.inTransaction(() -> what, handle -> {
            Update update = handle.createUpdate("UPDATE import_jobs SET " + assignments + " WHERE id = :jobId")
                    .bind("jobId", jobId);
            binder.accept(update);
            if (update.execute() == 0) {
                throw noJob(jobId);
            }
            return null;
        });
    }

    private static void addToCounters(Handle handle, String jobId, Counters change) {
        int updated = handle.createUpdate(ADD_TO_COUNTERS)
                .bind("jobId", jobId)
                .bind("staged", change.staged())
                .bind("pending", change.pending())
                .bind("imported", change.imported())
                .bind("skipped", change.skipped())
                .bind("failed", change.failed())
                .bind("retrying", change.retrying())
                .execute();
        if (updated == 0) {
            throw noJob(jobId);
        }
    }

    private static boolean jobExists(Handle handle, String jobId) {
        return handle.createQuery("SELECT COUNT(*) FROM import_jobs WHERE id = :jobId")
                .bind("jobId", jobId)
                .mapTo(Long.class)
                .one() > 0;
    }

    private static IllegalArgumentException noJob(String jobId) {
        return new IllegalArgumentException("no import " + jobId);
    }

    /** What a row counts for: its status and how often it was tried. */
    private record RowState(ImportRow.Status status, int attempts) {
        Counters counters() {
            return new Counters(1,
                    status == ImportRow.Status.PENDING ? 1 : 0,
                    status == ImportRow.Status.IMPORTED ? 1 : 0,
                    status == ImportRow.Status.SKIPPED ? 1 : 0,
                    status == ImportRow.Status.FAILED ? 1 : 0,
                    status == ImportRow.Status.PENDING && attempts > 0 ? 1 : 0);
        }
    }

    /** What rows add to the job's counters (negative: take away). */
    private record Counters(long staged, long pending, long imported, long skipped, long failed, long retrying) {

        static final Counters NONE = new Counters(0, 0, 0, 0, 0, 0);

        Counters plus(Counters other) {
            return new Counters(staged + other.staged, pending + other.pending, imported + other.imported,
                    skipped + other.skipped, failed + other.failed, retrying + other.retrying);
        }

        Counters minus(Counters other) {
            return new Counters(staged - other.staged, pending - other.pending, imported - other.imported,
                    skipped - other.skipped, failed - other.failed, retrying - other.retrying);
        }
    }
}
