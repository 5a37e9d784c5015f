package io.wxcard.application.testing;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
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
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;

/** {@link ImportJobStore} in memory. */
final class InMemoryImportJobStore implements ImportJobStore, InMemoryStores.Snapshottable {

    private record Lease(String owner, Instant until) {}

    private record State(Map<ImportJobId, ImportJob> jobs, Map<ImportJobId, TreeMap<Long, ImportRow>> rows,
                         Map<ImportJobId, Lease> leases) {}

    private final InMemoryStores db;
    private State state = new State(LinkedHashMap.empty(), LinkedHashMap.empty(), LinkedHashMap.empty());

    InMemoryImportJobStore(InMemoryStores db) {
        this.db = db;
    }

    @Override
    public void create(ImportJob job) {
        db.locked(() -> {
            if (state.jobs().containsKey(job.id())) {
                throw new ConcurrentUpdateException("import " + job.id() + " already exists");
            }
            state = new State(state.jobs().put(job.id(), job), state.rows().put(job.id(), TreeMap.empty()), state.leases());
            return null;
        });
    }

    @Override
    public Set<OpenId> alreadyStaged(ImportJobId jobId, Set<OpenId> openIds) {
        return db.locked(() -> rows(jobId).values().flatMap(ImportRow::dedupeKey).filter(openIds::contains)
                .collect(Collectors.toSet()));
    }

    @Override
    public void stage(ImportJobId jobId, List<ImportRow> rows) {
        db.locked(() -> {
            TreeMap<Long, ImportRow> staged = state.rows().get(jobId).getOrElseThrow(
                    () -> new IllegalArgumentException("no import " + jobId));
            Set<OpenId> held = staged.values().flatMap(ImportRow::dedupeKey).toJavaSet();
            for (ImportRow row : rows) {
                if (staged.containsKey(row.lineNumber())) {
                    throw new IllegalArgumentException("line " + row.lineNumber() + " of import " + jobId
                            + " is staged already");
                }
                row.dedupeKey().filter(openId -> !held.add(openId)).forEach(openId -> {
                    throw new IllegalArgumentException("openid " + openId + " of import " + jobId
                            + " is staged already");
                });
                staged = staged.put(row.lineNumber(), row);
            }
            state = new State(state.jobs(), state.rows().put(jobId, staged), state.leases());
            return null;
        });
    }

    @Override
    public void staged(ImportJobId jobId, long linesRead, long duplicatesInFile, Instant now) {
        updateJob(jobId, job -> job.stagedWith(linesRead, duplicatesInFile));
    }

    @Override
    public Option<ImportJob> find(TenantId tenantId, ImportJobId jobId) {
        return db.locked(() -> state.jobs().get(jobId).filter(job -> job.tenantId().equals(tenantId)));
    }

    @Override
    public List<ImportJob> running() {
        return db.locked(() -> state.jobs().values().filter(job -> job.status() == ImportJob.Status.RUNNING)
                .sortBy(ImportJob::createdAt).toJavaList());
    }

    @Override
    public List<ImportJob> ofCard(TenantId tenantId, CardId cardId) {
        return db.locked(() -> state.jobs().values().filter(job -> job.tenantId().equals(tenantId)
                && job.cardId().equals(cardId)).sortBy(ImportJob::createdAt).toJavaList());
    }

    @Override
    public List<ImportJob> recent(TenantId tenantId, int limit) {
        return db.locked(() -> state.jobs().values().filter(job -> job.tenantId().equals(tenantId))
                .sortBy(job -> job.createdAt()).reverse().take(limit).toJavaList());
    }

    @Override
    public boolean tryLease(ImportJobId jobId, String owner, Instant now, Duration leaseFor) {
        return db.locked(() -> {
            Option<Lease> held = state.leases().get(jobId);
            boolean free = held.isEmpty() || held.get().owner().equals(owner) || !held.get().until().isAfter(now);
            if (free) {
                state = new State(state.jobs(), state.rows(), state.leases().put(jobId, new Lease(owner, now.plus(leaseFor))));
            }
            return free;
        });
    }

    @Override
    public List<ImportRow> due(ImportJobId jobId, long afterLine, int limit, Instant now) {
        return db.locked(() -> rows(jobId).values()
                .filter(row -> row.lineNumber() > afterLine && row.status() == ImportRow.Status.PENDING
                        && !row.notBefore().isAfter(now))
                .take(limit).toJavaList());
    }

    @Override
    public void imported(ImportJobId jobId, long lineNumber, Code code, Instant now) {
        updateRow(jobId, lineNumber, row -> settled(row, ImportRow.Status.IMPORTED, Option.none(), Option.of(code)));
    }

    @Override
    public void skipped(ImportJobId jobId, long lineNumber, String reason, Instant now) {
        updateRow(jobId, lineNumber, row -> settled(row, ImportRow.Status.SKIPPED, Option.of(reason), Option.none()));
    }

    @Override
    public void failed(ImportJobId jobId, long lineNumber, String reason, Instant now) {
        updateRow(jobId, lineNumber, row -> settled(row, ImportRow.Status.FAILED, Option.of(reason), Option.none()));
    }

    @Override
    public void retryLater(ImportJobId jobId, long lineNumber, Instant notBefore, String reason) {
        updateRow(jobId, lineNumber, row -> row.retriedLater(notBefore, reason));
    }

    @Override
    public Option<Instant> nextDue(ImportJobId jobId) {
        return db.locked(() -> rows(jobId).values().filter(row -> row.status() == ImportRow.Status.PENDING)
                .map(ImportRow::notBefore).min());
    }

    @Override
    public void completed(ImportJobId jobId, Instant now) {
        updateJob(jobId, job -> job.completedAt(now));
    }

    @Override
    public void startedSending(ImportJobId jobId, Instant now) {
        updateJob(jobId, job -> job.sendingSince(now));
    }

    @Override
    public ImportJob.Counts counts(ImportJobId jobId) {
        return db.locked(() -> {
            var all = rows(jobId).values();
            return new ImportJob.Counts(all.size(),
                    all.count(row -> row.status() == ImportRow.Status.PENDING),
                    all.count(row -> row.status() == ImportRow.Status.IMPORTED),
                    all.count(row -> row.status() == ImportRow.Status.SKIPPED),
                    all.count(row -> row.status() == ImportRow.Status.FAILED),
                    all.count(row -> row.status() == ImportRow.Status.PENDING && row.attempts() > 0));
        });
    }

    @Override
    public Page<ImportRow> failures(ImportJobId jobId, PageRequest page) {
        return db.locked(() -> InMemoryPaging.page(rows(jobId).values()
                .filter(row -> row.status() == ImportRow.Status.FAILED).toJavaList(), page));
    }

    private TreeMap<Long, ImportRow> rows(ImportJobId jobId) {
        return state.rows().get(jobId).getOrElse(TreeMap.empty());
    }

    private static ImportRow settled(ImportRow row, ImportRow.Status status, Option<String> detail, Option<Code> code) {
        return row.settled(status, detail, code);
    }

    private void updateJob(ImportJobId jobId, UnaryOperator<ImportJob> change) {
        db.locked(() -> {
            ImportJob job = state.jobs().get(jobId).getOrElseThrow(() -> new IllegalArgumentException("no import " + jobId));
            state = new State(state.jobs().put(jobId, change.apply(job)), state.rows(), state.leases());
            return null;
        });
    }

    private void updateRow(ImportJobId jobId, long lineNumber, UnaryOperator<ImportRow> change) {
        db.locked(() -> {
            TreeMap<Long, ImportRow> staged = rows(jobId);
            ImportRow row = staged.get(lineNumber).getOrElseThrow(
                    () -> new IllegalArgumentException("no line " + lineNumber + " in import " + jobId));
            state = new State(state.jobs(), state.rows().put(jobId, staged.put(lineNumber, change.apply(row))), state.leases());
            return null;
        });
    }

    @Override
    public Object snapshot() {
        return state;
    }

    @Override
    public void restore(Object snapshot) {
        state = (State) snapshot;
    }
}
