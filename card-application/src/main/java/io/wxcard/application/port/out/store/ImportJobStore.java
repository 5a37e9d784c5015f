package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
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

/** Import jobs and their staged rows. Everything a job needs to resume after a crash lives here. */
public interface ImportJobStore {

    /** A new job, in {@link ImportJob.Status#STAGING}. */
    void create(ImportJob job);

    /**
     * Of these openids, those the job has staged already. Which rows are duplicates is the application's decision
     * (see {@code ImportService}); this is what it asks the store.
     */
    Set<OpenId> alreadyStaged(ImportJobId jobId, Set<OpenId> openIds);

    /**
     * Stores fresh rows ({@link ImportRow#pending}, {@link ImportRow#unreadable}) of lines the job does not hold yet,
     * whose openids it does not hold yet either.
     *
     * @throws IllegalArgumentException when the job is unknown, or holds one of the lines or openids already (nothing
     *                                  of the call is stored then)
     */
    void stage(ImportJobId jobId, List<ImportRow> rows);

    /** Staging is over: the job is {@link ImportJob.Status#RUNNING}; its line and duplicate counts are final. */
    void staged(ImportJobId jobId, long linesRead, long duplicatesInFile, Instant now);

    Option<ImportJob> find(TenantId tenantId, ImportJobId jobId);

    /** Jobs that are {@link ImportJob.Status#RUNNING}, oldest first. */
    List<ImportJob> running();

    /** Every import into one of the tenant's cards, oldest first (issue 20: a campaign asks how they stand). */
    List<ImportJob> ofCard(TenantId tenantId, CardId cardId);

    /** The tenant's latest imports, on every card, newest first, at most {@code limit} (the console lists them). */
    List<ImportJob> recent(TenantId tenantId, int limit);

    /**
     * Takes the right to work on a job until {@code now + leaseFor}, unless another owner holds an unexpired lease;
     * the same owner renews it.
     */
    boolean tryLease(ImportJobId jobId, String owner, Instant now, Duration leaseFor);

    /** Pending rows due at {@code now}, in line order, after {@code afterLine}. */
    List<ImportRow> due(ImportJobId jobId, long afterLine, int limit, Instant now);

    void imported(ImportJobId jobId, long lineNumber, Code code, Instant now);

    void skipped(ImportJobId jobId, long lineNumber, String reason, Instant now);

    void failed(ImportJobId jobId, long lineNumber, String reason, Instant now);

    /** The attempt failed for a reason that may pass: count it, and offer the row again from {@code notBefore}. */
    void retryLater(ImportJobId jobId, long lineNumber, Instant notBefore, String reason);

    /** The earliest time a pending row of the job is due, if any row is pending. */
    Option<Instant> nextDue(ImportJobId jobId);

    /** Every row is settled: the job is {@link ImportJob.Status#COMPLETED}. */
    void completed(ImportJobId jobId, Instant now);

    /** The job started sending (kept once set). */
    void startedSending(ImportJobId jobId, Instant now);

    ImportJob.Counts counts(ImportJobId jobId);

    /** Failed rows, in line order. */
    Page<ImportRow> failures(ImportJobId jobId, PageRequest page);
}
