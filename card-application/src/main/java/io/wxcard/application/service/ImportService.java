package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ImportMembersUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.application.port.out.store.ImportJob;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.application.port.out.store.ImportRow;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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

    private String stage(StartImportCommand command, WechatCardId wechatCardId) {
        String jobId = ids.newId("imp");
        Instant now = clock.now();
        transactions.inTransaction(() -> {
            imports.create(new ImportJob(jobId, command.tenantId(), command.cardId(), ImportJob.Status.STAGING, 0, 0,
                    now, Option.none(), Option.none()));
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

    private int stageBatch(String jobId, List<ImportRow> batch) {
        return batch.isEmpty() ? 0 : transactions.inTransaction(() -> imports.stage(jobId, batch));
    }

    private static ImportRow toRow(String jobId, WechatCardId cardId, ImportLine line, Instant now) {
        if (line.record().isLeft()) {
            return new ImportRow(jobId, line.lineNumber(), "", Option.none(), Option.none(), Option.none(),
                    Option.none(), Option.none(), "", ImportRow.Status.FAILED, 0, now,
                    Option.of("line " + line.lineNumber() + ": " + line.record().getLeft()), Option.none());
        }
        ImportRecord record = line.record().get();
        return new ImportRow(jobId, line.lineNumber(), record.openId().value(), record.code(), record.phone(),
                record.membershipNumber(), record.points(), record.balance(), outRequestNo(cardId, record.openId()),
                ImportRow.Status.PENDING, 0, now, Option.none(), Option.none());
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
    public Either<Failure, ImportProgress> progress(TenantId tenantId, String importId) {
        return job(tenantId, importId).map(job -> {
            ImportJob.Counts counts = imports.counts(job.id());
            double seconds = job.startedAt()
                    .map(started -> Duration.between(started, job.finishedAt().getOrElse(clock.now())).toMillis() / 1000.0)
                    .getOrElse(0.0);
            double rate = seconds > 0 ? counts.settled() / seconds : 0;
            Option<Duration> eta = rate > 0 && job.status() != ImportJob.Status.COMPLETED
                    ? Option.of(Duration.ofMillis((long) (counts.pending() / rate * 1000)))
                    : Option.none();
            return new ImportProgress(job, counts, rate, eta);
        });
    }

    @Override
    public Either<Failure, Page<ImportRow>> failures(TenantId tenantId, String importId, PageRequest page) {
        return job(tenantId, importId).map(job -> imports.failures(job.id(), page));
    }

    private Either<Failure, ImportJob> job(TenantId tenantId, String importId) {
        return imports.find(tenantId, importId).toEither(() -> new Failure.NotFound("import " + importId));
    }
}
