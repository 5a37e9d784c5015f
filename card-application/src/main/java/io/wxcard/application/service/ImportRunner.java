package io.wxcard.application.service;

import dev.failsafe.Failsafe;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.RunImportsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.CardStore;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.domain.imports.ImportJob;
import io.wxcard.application.port.out.store.ImportJobStore;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MemberProfileStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.TransactionBoundary;
import io.wxcard.application.port.out.wechat.ImportRequest;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatMemberImport;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardChange;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.member.MemberProfile;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.LedgerOpening;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.OpenId;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.Tenant;
import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the staged rows of import jobs to WeChat. One instance works on a job at a time (a lease on the job), so the
 * per-tenant rate limit kept here holds for the job wherever it runs. A row is settled (imported with its membership,
 * skipped, or failed) in one transaction; a row that is not settled when the process dies is simply sent again,
 * under the same {@code out_request_no}, which WeChat answers with the same code.
 */
final class ImportRunner implements RunImportsUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobStore imports;
    private final CardStore cards;
    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final MemberProfileStore profiles;
    private final TransactionBoundary transactions;
    private final WechatMemberImport wechat;
    private final Lookups lookups;
    private final Clock clock;
    private final ImportSettings settings;
    private final String owner;
    /** Sends rows side by side; bootstrap owns its threads (at least {@link ImportSettings#concurrency()}). */
    private final ExecutorService senders;
    private final Map<TenantId, TokenBucket> limits = new ConcurrentHashMap<>();
    private final EventPublisher events;

    ImportRunner(ImportJobStore imports, CardStore cards, MembershipStore memberships, LedgerStore ledger,
                 MemberProfileStore profiles, TransactionBoundary transactions, WechatMemberImport wechat, Lookups lookups, Clock clock,
                 ImportSettings settings, String owner, ExecutorService senders, EventPublisher events) {
        this.events = events;
        this.imports = imports;
        this.cards = cards;
        this.memberships = memberships;
        this.ledger = ledger;
        this.profiles = profiles;
        this.transactions = transactions;
        this.wechat = wechat;
        this.lookups = lookups;
        this.clock = clock;
        this.settings = settings;
        this.owner = owner;
        this.senders = senders;
    }

    @Override
    public boolean runOneJob() {
        for (ImportJob job : imports.running()) {
            if (imports.tryLease(job.id(), owner, clock.now(), settings.lease())) {
                run(job);
                return true;
            }
        }
        return false;
    }

    private void run(ImportJob job) {
        Either<?, Tenant> tenant = lookups.tenant(job.tenantId());
        Either<?, Card> card = lookups.card(job.tenantId(), job.cardId());
        if (tenant.isLeft() || card.isLeft() || tenant.get().merchant().isEmpty() || card.get().wechatCardId().isEmpty()) {
            LOG.error("import {} cannot run: its tenant, card or merchant credentials are gone", job.id());
            return;
        }
        imports.startedSending(job.id(), clock.now());
        MerchantCredentials merchant = tenant.get().merchant().get();
        WechatCardId wechatCardId = card.get().wechatCardId().get();
        TokenBucket limit = limits.computeIfAbsent(job.tenantId(), id -> new TokenBucket(settings.ratePerSecond()));
        try {
            sendUntilDone(job, merchant, wechatCardId, limit, senders);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendUntilDone(ImportJob job, MerchantCredentials merchant, WechatCardId wechatCardId,
                               TokenBucket limit, ExecutorService pool) throws InterruptedException {
        long afterLine = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<ImportRow> due = imports.due(job.id(), afterLine, settings.batchSize(), clock.now());
            if (due.isEmpty()) {
                if (afterLine > 0) {
                    afterLine = 0; // back to the top: rows retried later may be due by now
                    continue;
                }
                if (imports.nextDue(job.id()).isEmpty()) {
                    transactions.inTransaction(() -> {
                        imports.completed(job.id(), clock.now());
                        events.importFinished(job.tenantId(), job.id(), imports.counts(job.id()));
                        return job.id();
                    });
                    LOG.info("import {} completed: {}", job.id(), imports.counts(job.id()));
                }
                return; // rows waiting to be retried are taken up on a later run
            }
            List<Future<?>> batch = new ArrayList<>(due.size());
            for (ImportRow row : due) {
                limit.acquire();
                batch.add(pool.submit(() -> settle(job, row, merchant, wechatCardId, limit)));
            }
            for (Future<?> sent : batch) {
                try {
                    sent.get();
                } catch (ExecutionException technical) {
                    LOG.warn("import {} stops for now: {}", job.id(), technical.getCause().toString());
                    return;
                }
            }
            afterLine = due.get(due.size() - 1).lineNumber();
            if (!imports.tryLease(job.id(), owner, clock.now(), settings.lease())) {
                LOG.warn("import {}: lease lost to another instance; leaving the job to it", job.id());
                return;
            }
        }
    }

    private void settle(ImportJob job, ImportRow row, MerchantCredentials merchant, WechatCardId wechatCardId,
                        TokenBucket limit) {
        OpenId openId = new OpenId(row.openId());
        Option<Membership> holder = memberships.findByOpenId(job.tenantId(), job.cardId(), openId);
        if (holder.isDefined()) {
            imports.skipped(job.id(), row.lineNumber(), "the openid already holds this card (code "
                    + holder.get().code() + ")", clock.now());
            return;
        }
        Either<WechatError, Code> answer = wechat.importMember(merchant,
                new ImportRequest(wechatCardId, openId, row.code(), row.outRequestNo()));
        if (answer.isRight()) {
            recordImported(job, row, openId, answer.get());
            return;
        }
        WechatError error = answer.getLeft();
        switch (error.kind()) {
            case CONFLICT -> imports.skipped(job.id(), row.lineNumber(),
                    "WeChat says the openid already holds this card (" + error.code() + ": " + error.message() + ")",
                    clock.now());
            case QUOTA, TRANSIENT, UNTRUSTED_ANSWER, INVALID_TOKEN -> {
                if (error.kind() == WechatError.Kind.QUOTA) {
                    limit.pause(Duration.ofSeconds(1));
                }
                if (row.attempts() + 1 >= settings.maxAttempts()) {
                    imports.failed(job.id(), row.lineNumber(), "gave up after " + (row.attempts() + 1)
                            + " attempts: " + error, clock.now());
                } else {
                    imports.retryLater(job.id(), row.lineNumber(),
                            clock.now().plus(RetryBackOff.after(row.attempts())), error.toString());
                }
            }
            case FORBIDDEN -> imports.failed(job.id(), row.lineNumber(), "WeChat refused: the openid is not bound to"
                    + " the card's brand, or the card is another account's (" + error.code() + ": " + error.message()
                    + ")", clock.now());
            case NOT_FOUND, CLIENT_ERROR -> imports.failed(job.id(), row.lineNumber(),
                    "WeChat refused the row (" + error.code() + ": " + error.message() + ")", clock.now());
        }
    }

    /** The member, the opening ledger and the row's outcome land together, or none of them does. */
    private void recordImported(ImportJob job, ImportRow row, OpenId openId, Code code) {
        MembershipKey key = new MembershipKey(job.tenantId(), job.cardId(), code);
        // A lost race (the card's first issue changed meanwhile, say) is run again, as every unit of work is.
        Failsafe.with(UnitOfWork.lostRaces()).run(() -> {
            try {
                transactions.inTransaction(() -> {
                    Membership imported = Membership.imported(job.tenantId(), job.cardId(), code, openId,
                            row.membershipNumber(), clock.now()).membership();
                    Either<Rejection, LedgerOpening> opening = imported.openLedger(row.points(), row.balance(),
                            EntrySource.IMPORT, clock.now());
                    if (opening.isLeft()) {
                        throw new IllegalStateException("an opening entry was refused: " + opening.getLeft().reason());
                    }
                    Membership saved = memberships.save(opening.get().membership());
                    opening.get().entries().forEach(entry -> ledger.append(saved.key(), entry));
                    // the merchant's phone goes on the profile, so that the member is found by it like one whose
                    // activation form gave it (WeChat's later profile keeps it unless it gives a phone of its own)
                    row.phone().forEach(phone -> profiles.save(MemberProfile.imported(saved.key(), openId, phone,
                            clock.now())));
                    imports.imported(job.id(), row.lineNumber(), code, clock.now());
                    issueCard(job);
                    return null;
                });
                return;
            } catch (ConcurrentUpdateException lostRace) {
                if (memberships.find(key).isDefined()) {
                    // The code reached us another way first (a user_get_card push, say): the member holds the card.
                    imports.skipped(job.id(), row.lineNumber(), "the member already holds this card (code " + code
                            + ")", clock.now());
                    return;
                }
                // Tried again; after the last attempt the row stays pending and is sent again (same
                // out_request_no) on a later run.
                throw lostRace;
            }
        });
    }

    /** An import is a delivery: the first one issues an approved card. */
    private void issueCard(ImportJob job) {
        cards.find(job.tenantId(), job.cardId()).forEach(card -> {
            Either<Rejection, CardChange> delivered = card.delivered(clock.now());
            if (delivered.isRight() && delivered.get().changed()) {
                cards.save(delivered.get().card());
            }
        });
    }
}
