package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Import jobs and their staged rows. Everything a job needs to resume after a crash lives here. */
public interface ImportJobStore {

    /** A new job, in {@link ImportJob.Status#STAGING}. */
    void create(ImportJob job);

    /**
     * Stages rows (in line order, a batch at a time). A row whose openid the job already staged is not stored.
     *
     * @return how many of the rows were such duplicates
     */
    int stage(String jobId, List<ImportRow> rows);

    /** Staging is over: the job is {@link ImportJob.Status#RUNNING}; its line and duplicate counts are final. */
    void staged(String jobId, long linesRead, long duplicatesInFile, Instant now);

    Option<ImportJob> find(TenantId tenantId, String jobId);

    /** Jobs that are {@link ImportJob.Status#RUNNING}, oldest first. */
    List<ImportJob> running();

    /**
     * Takes the right to work on a job until {@code now + leaseFor}, unless another owner holds an unexpired lease;
     * the same owner renews it.
     */
    boolean tryLease(String jobId, String owner, Instant now, Duration leaseFor);

    /** Pending rows due at {@code now}, in line order, after {@code afterLine}. */
    List<ImportRow> due(String jobId, long afterLine, int limit, Instant now);

    void imported(String jobId, long lineNumber, Code code, Instant now);

    void skipped(String jobId, long lineNumber, String reason, Instant now);

    void failed(String jobId, long lineNumber, String reason, Instant now);

    /** The attempt failed for a reason that may pass: count it, and offer the row again from {@code notBefore}. */
    void retryLater(String jobId, long lineNumber, Instant notBefore, String reason);

    /** The earliest time a pending row of the job is due, if any row is pending. */
    Option<Instant> nextDue(String jobId);

    /** Every row is settled: the job is {@link ImportJob.Status#COMPLETED}. */
    void completed(String jobId, Instant now);

    /** The job started sending (kept once set). */
    void startedSending(String jobId, Instant now);

    ImportJob.Counts counts(String jobId);

    /** Failed rows, in line order. */
    Page<ImportRow> failures(String jobId, PageRequest page);
}
