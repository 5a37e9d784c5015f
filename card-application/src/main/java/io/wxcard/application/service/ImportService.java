package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ImportMembersUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Starts imports and reports on them. Staging streams the input a batch at a time, so an input of millions of lines
 * is never held whole; each batch lands in its own transaction.
 */
final class ImportService implements ImportMembersUseCase {

    static final int STAGING_BATCH = 1_000;

    private final ImportJobStore imports;
    private final TransactionBoundary transactions;
    private final Lookups lookups;
    private final Clock clock;
    private final IdGenerator ids;

    ImportService(ImportJobStore imports, TransactionBoundary transactions, Lookups lookups, Clock clock,
                  IdGenerator ids) {
        this.imports = imports;
        this.transactions = transactions;
        this.lookups = lookups;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Either<Failure, ImportProgress> start(StartImportCommand command) {
        return lookups.tenant(command.tenantId())
                .flatMap(tenant -> rejected(tenant.checkCanImportMembers()))
                .flatMap(tenant -> lookups.card(command.tenantId(), command.cardId()))
                .flatMap(card -> rejected(card.checkImportable()))
                .map(wechatCardId -> stage(command, wechatCardId))
                .flatMap(jobId -> progress(command.tenantId(), jobId));
    }

    private ImportJobId stage(StartImportCommand command, WechatCardId wechatCardId) {
        ImportJobId jobId = new ImportJobId(ids.newId("imp"));
        Instant now = clock.now();
        transactions.inTransaction(() -> {
            imports.create(ImportJob.started(jobId, command.tenantId(), command.cardId(), now));
            return null;
        });
        long lines = 0;
        long duplicates = 0;
        List<ImportRow> batch = new ArrayList<>(STAGING_BATCH);
        while (command.lines().hasNext()) {
            ImportLine line = command.lines().next();
            lines++;
            batch.add(toRow(jobId, wechatCardId, line, now));
            if (batch.size() == STAGING_BATCH) {
                duplicates += stageBatch(jobId, batch);
                batch = new ArrayList<>(STAGING_BATCH);
            }
        }
        duplicates += stageBatch(jobId, batch);
        long linesRead = lines;
        long duplicatesInFile = duplicates;
        transactions.inTransaction(() -> {
            imports.staged(jobId, linesRead, duplicatesInFile, clock.now());
            return null;
        });
        return jobId;
    }

    /**
     * Stages the rows but those whose openid an earlier line of the input named (the first line of an openid wins),
     * and answers how many it left out. Earlier lines of this batch are known here; earlier batches are asked of
     * the store in one query, so the input is never held whole.
     */
    private int stageBatch(ImportJobId jobId, List<ImportRow> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction(() -> {
            Set<OpenId> openIds = new HashSet<>();
            batch.forEach(row -> row.dedupeKey().forEach(openIds::add));
            Set<OpenId> seen = new HashSet<>(imports.alreadyStaged(jobId, openIds));
            List<ImportRow> fresh = new ArrayList<>(batch.size());
            for (ImportRow row : batch) {
                if (row.dedupeKey().forAll(seen::add)) {
                    fresh.add(row);
                }
            }
            if (!fresh.isEmpty()) {
                imports.stage(jobId, fresh);
            }
            return batch.size() - fresh.size();
        });
    }

    private static ImportRow toRow(ImportJobId jobId, WechatCardId cardId, ImportLine line, Instant now) {
        if (line.record().isLeft()) {
            return ImportRow.unreadable(jobId, line.lineNumber(), line.record().getLeft(), now);
        }
        ImportRecord record = line.record().get();
        return ImportRow.pending(jobId, line.lineNumber(), record.openId(), record.code(), record.phone(),
                record.membershipNumber(), record.points(), record.balance(), outRequestNo(cardId, record.openId()),
                now);
    }

    /**
     * The same for a card and an openid, whatever the job: a row sent again (after a crash, or in a later import of
     * the same member) is the same request to WeChat, which answers it without importing twice.
     */
    static String outRequestNo(WechatCardId cardId, OpenId openId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((cardId.value() + "|" + openId.value()).getBytes(StandardCharsets.UTF_8));
            return "imp-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public Either<Failure, ImportProgress> progress(TenantId tenantId, ImportJobId importId) {
        return job(tenantId, importId).map(this::progressOf);
    }

    @Override
    public List<ImportProgress> recent(TenantId tenantId, int limit) {
        return imports.recent(tenantId, limit).stream().map(this::progressOf).toList();
    }

    /** Where a job stands: its counts, and its rate and ETA from when it started sending. */
    private ImportProgress progressOf(ImportJob job) {
        ImportJob.Counts counts = imports.counts(job.id());
        double seconds = job.startedAt()
                .map(started -> Duration.between(started, job.finishedAt().getOrElse(clock.now())).toMillis() / 1000.0)
                .getOrElse(0.0);
        double rate = seconds > 0 ? counts.settled() / seconds : 0;
        Option<Duration> eta = rate > 0 && job.status() != ImportJob.Status.COMPLETED
                ? Option.of(Duration.ofMillis((long) (counts.pending() / rate * 1000)))
                : Option.none();
        return new ImportProgress(job, counts, rate, eta);
    }

    @Override
    public Either<Failure, Page<ImportRow>> failures(TenantId tenantId, ImportJobId importId, PageRequest page) {
        return job(tenantId, importId).map(job -> imports.failures(job.id(), page));
    }

    private Either<Failure, ImportJob> job(TenantId tenantId, ImportJobId importId) {
        return imports.find(tenantId, importId).toEither(() -> new Failure.NotFound("import " + importId));
    }
}
