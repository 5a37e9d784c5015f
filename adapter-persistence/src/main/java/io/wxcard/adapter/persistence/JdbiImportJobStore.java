package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * {@link ImportJobStore} on the {@code import_jobs} and {@code import_rows} tables.
 *
 * <p><b>Staging</b> is one update of the job's counters (which also finds that the job exists) and the inserts of
 * {@link StagedRows}, in one transaction.
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

    static final int MAX_DETAIL = 2000;

    /** The counters by the names of {@link ImportJob.Counts}, for its constructor mapper. */
    private static final String COUNTS = "rows_staged AS staged, rows_pending AS pending, rows_imported AS imported, "
            + "rows_skipped AS skipped, rows_failed AS failed, rows_retrying AS retrying";
    private static final String CREATE = "INSERT INTO import_jobs (" + ImportJobRow.COLUMNS + ", rows_staged, "
            + "rows_pending, rows_imported, rows_skipped, rows_failed, rows_retrying) VALUES ("
            + ImportJobRow.PARAMETERS + ", 0, 0, 0, 0, 0, 0)";
    private static final String OLDEST_FIRST = " ORDER BY created_at, id";
    private static final String OF_ROW = "job_id = :jobId AND line_no = :line";

    private final Sql sql;
    private final ImportRowMapper mapper = new ImportRowMapperImpl();
    /** Reads pending or failed rows of a job in line order (see the class comment). */
    private final String byDueIndex;

    JdbiImportJobStore(Sql sql) {
        this.sql = sql;
        this.byDueIndex = sql.vendor().forceIndex("ix_import_rows_due");
    }

    @Override
    public void create(ImportJob job) {
        sql.withHandle(() -> "creating import " + job.id(),
                handle -> handle.createUpdate(CREATE).bindMap(Sql.components(mapper.toRow(job))).execute());
    }

    @Override
    public Set<OpenId> alreadyStaged(ImportJobId jobId, Set<OpenId> openIds) {
        if (openIds.isEmpty()) {
            return Set.of();
        }
        return sql.withHandle(() -> "reading staged openids of import " + jobId, handle -> handle
                .createQuery("SELECT dedupe_key FROM import_rows WHERE job_id = :jobId AND dedupe_key IN (<keys>)")
                .bind("jobId", jobId.value())
                .bindList("keys", openIds.stream().map(OpenId::value).toList())
                .mapTo(String.class)
                .map(OpenId::new)
                .collect(Collectors.toSet()));
    }

    @Override
    public void stage(ImportJobId jobId, List<ImportRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sql.inTransaction(() -> "staging lines of import " + jobId, handle -> {
            rows.stream().map(row -> ImportCounters.of(row.status(), row.attempts()))
                    .reduce(ImportCounters.NONE, ImportCounters::plus)
                    .addTo(handle, jobId.value());
            StagedRows.insert(handle, jobId.value(), rows, mapper);
            return null;
        });
    }

    @Override
    public void staged(ImportJobId jobId, long linesRead, long duplicatesInFile, Instant now) {
        updateJob(jobId, "closing the staging of import ", "status = :status, lines_read = :linesRead, "
                + "duplicates_in_file = :duplicates", update -> update
                .bind("status", ImportJob.Status.RUNNING.name()).bind("linesRead", linesRead)
                .bind("duplicates", duplicatesInFile));
    }

    @Override
    public Option<ImportJob> find(TenantId tenantId, ImportJobId jobId) {
        return Option.ofOptional(jobs("reading import " + jobId, "id = :jobId AND tenant_id = :tenantId", "",
                query -> query.bind("jobId", jobId.value()).bind("tenantId", tenantId.value())).stream().findFirst());
    }

    @Override
    public List<ImportJob> running() {
        return jobs("listing running imports", "status = :status", OLDEST_FIRST,
                query -> query.bind("status", ImportJob.Status.RUNNING.name()));
    }

    @Override
    public List<ImportJob> ofCard(TenantId tenantId, CardId cardId) {
        return jobs("listing imports of card " + cardId, "tenant_id = :tenantId AND card_id = :cardId", OLDEST_FIRST,
                query -> query.bind("tenantId", tenantId.value()).bind("cardId", cardId.value()));
    }

    @Override
    public List<ImportJob> recent(TenantId tenantId, int limit) {
        return jobs("listing the recent imports of tenant " + tenantId, "tenant_id = :tenantId",
                " ORDER BY created_at DESC, id DESC LIMIT :limit",
                query -> query.bind("tenantId", tenantId.value()).bind("limit", limit));
    }

    private List<ImportJob> jobs(String what, String condition, String order, UnaryOperator<Query> binder) {
        return sql.withHandle(() -> what, handle -> binder.apply(handle.createQuery("SELECT " + ImportJobRow.COLUMNS
                        + " FROM import_jobs WHERE " + condition + order))
                .mapTo(ImportJobRow.class).map(mapper::toJob).list());
    }

    @Override
    public boolean tryLease(ImportJobId jobId, String owner, Instant now, Duration leaseFor) {
        return sql.withHandle(() -> "leasing import " + jobId, handle -> handle
                .createUpdate("UPDATE import_jobs SET lease_owner = :owner, lease_until = :until WHERE id = :jobId "
                        + "AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until <= :now)")
                .bind("jobId", jobId.value())
                .bind("owner", owner)
                .bind("until", now.plus(leaseFor))
                .bind("now", now)
                .execute() == 1);
    }

    @Override
    public List<ImportRow> due(ImportJobId jobId, long afterLine, int limit, Instant now) {
        if (limit < 1) {
            return List.of();
        }
        return sql.withHandle(() -> "reading due lines of import " + jobId, handle -> inLineOrder(handle, jobId,
                ImportRow.Status.PENDING, "AND line_no > :afterLine AND not_before <= :now", limit, 0)
                .bind("afterLine", afterLine)
                .bind("now", now)
                .mapTo(StagedRow.class)
                .map(mapper::toImportRow)
                .list());
    }

    /** A job's rows of one status in line order, read from the index (see the class comment). */
    private Query inLineOrder(Handle handle, ImportJobId jobId, ImportRow.Status status, String condition, int limit,
                              long offset) {
        return handle.createQuery("SELECT " + StagedRow.COLUMNS + " FROM import_rows" + byDueIndex
                        + " WHERE job_id = :jobId AND status = :status " + condition + " "
                        + sql.vendor().orderByIndex("job_id, status", "line_no") + " LIMIT :limit OFFSET :offset")
                .bind("jobId", jobId.value())
                .bind("status", status.name())
                .bind("limit", limit)
                .bind("offset", offset);
    }

    @Override
    public void imported(ImportJobId jobId, long lineNumber, Code code, Instant now) {
        changeRow(jobId, lineNumber, ImportRow.Status.IMPORTED, false, "imported_code = :code, detail = NULL, "
                + "settled_at = :now", update -> update.bind("code", code.value()).bind("now", now));
    }

    @Override
    public void skipped(ImportJobId jobId, long lineNumber, String reason, Instant now) {
        settle(jobId, lineNumber, ImportRow.Status.SKIPPED, reason, now);
    }

    @Override
    public void failed(ImportJobId jobId, long lineNumber, String reason, Instant now) {
        settle(jobId, lineNumber, ImportRow.Status.FAILED, reason, now);
    }

    private void settle(ImportJobId jobId, long lineNumber, ImportRow.Status outcome, String reason, Instant now) {
        changeRow(jobId, lineNumber, outcome, false, "imported_code = NULL, detail = :reason, settled_at = :now",
                update -> update.bind("reason", Texts.cut(reason, MAX_DETAIL)).bind("now", now));
    }

    @Override
    public void retryLater(ImportJobId jobId, long lineNumber, Instant notBefore, String reason) {
        changeRow(jobId, lineNumber, null, true, "not_before = :notBefore, detail = :reason", update -> update
                .bind("notBefore", notBefore)
                .bind("reason", Texts.cut(reason, MAX_DETAIL)));
    }

    /**
     * Changes one row and the job's counters with it: the row is read under its lock first, so the counters move from
     * the status it really had.
     *
     * @param status the row's new status, or {@code null} to keep it
     */
    private void changeRow(ImportJobId jobId, long lineNumber, ImportRow.Status status, boolean oneMoreAttempt,
                           String assignments, Consumer<Update> binder) {
        sql.inTransaction(() -> "settling line " + lineNumber + " of import " + jobId, handle -> {
            ImportCounters.RowState before = handle
                    .createQuery("SELECT status, attempts FROM import_rows WHERE " + OF_ROW + " FOR UPDATE")
                    .bind("jobId", jobId.value())
                    .bind("line", lineNumber)
                    .map((rs, context) -> new ImportCounters.RowState(ImportRow.Status.valueOf(rs.getString("status")),
                            rs.getInt("attempts")))
                    .findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no line " + lineNumber + " in import " + jobId));
            ImportCounters.RowState after = new ImportCounters.RowState(status == null ? before.status() : status,
                    before.attempts() + (oneMoreAttempt ? 1 : 0));
            Update update = handle.createUpdate("UPDATE import_rows SET status = :status, attempts = :attempts, "
                            + assignments + " WHERE " + OF_ROW)
                    .bind("jobId", jobId.value())
                    .bind("line", lineNumber)
                    .bind("status", after.status().name())
                    .bind("attempts", after.attempts());
            binder.accept(update);
            update.execute();
            ImportCounters change = after.counters().minus(before.counters());
            if (!change.equals(ImportCounters.NONE)) {
                change.addTo(handle, jobId.value());
            }
            return null;
        });
    }

    @Override
    public Option<Instant> nextDue(ImportJobId jobId) {
        return sql.withHandle(() -> "reading when import " + jobId + " is due", handle -> Option.ofOptional(handle
                .createQuery("SELECT not_before FROM import_rows" + sql.vendor().forceIndex("ix_import_rows_next_due")
                        + " WHERE job_id = :jobId AND status = :pending "
                        + sql.vendor().orderByIndex("job_id, status", "not_before") + " LIMIT 1")
                .bind("jobId", jobId.value())
                .bind("pending", ImportRow.Status.PENDING.name())
                .mapTo(Instant.class)
                .findOne()));
    }

    @Override
    public void completed(ImportJobId jobId, Instant now) {
        updateJob(jobId, "completing import ", "status = :status, finished_at = :now",
                update -> update.bind("status", ImportJob.Status.COMPLETED.name()).bind("now", now));
    }

    @Override
    public void startedSending(ImportJobId jobId, Instant now) {
        updateJob(jobId, "starting import ", "started_at = COALESCE(started_at, :now)", job -> job.bind("now", now));
    }

    @Override
    public ImportJob.Counts counts(ImportJobId jobId) {
        return sql.withHandle(() -> "counting the lines of import " + jobId, handle -> handle
                .createQuery("SELECT " + COUNTS + " FROM import_jobs WHERE id = :jobId")
                .bind("jobId", jobId.value())
                .mapTo(ImportJob.Counts.class)
                .findOne()
                .orElse(new ImportJob.Counts(0, 0, 0, 0, 0, 0)));
    }

    /** The page's rows from the index in line order; the total from the job's counter rather than a count. */
    @Override
    public Page<ImportRow> failures(ImportJobId jobId, PageRequest page) {
        return sql.inTransaction(() -> "listing failed lines of import " + jobId, handle -> new Page<>(
                inLineOrder(handle, jobId, ImportRow.Status.FAILED, "", page.limit(), page.offset())
                        .mapTo(StagedRow.class)
                        .map(mapper::toImportRow)
                        .list(),
                counts(jobId).failed(), page));
    }

    private void updateJob(ImportJobId jobId, String what, String assignments, Consumer<Update> binder) {
        sql.withHandle(() -> what + jobId, handle -> {
            Update update = handle.createUpdate("UPDATE import_jobs SET " + assignments + " WHERE id = :jobId")
                    .bind("jobId", jobId.value());
            binder.accept(update);
            if (update.execute() == 0) {
                throw noJob(jobId.value());
            }
            return null;
        });
    }

    static IllegalArgumentException noJob(String jobId) {
        return new IllegalArgumentException("no import " + jobId);
    }
}
