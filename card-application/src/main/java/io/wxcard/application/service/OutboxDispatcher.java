package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.DispatchOutboxUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ManageDeadLettersUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.OutboxMessage;
import io.wxcard.application.port.out.store.OutboxStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.port.out.wechat.MemberTotals;
import io.wxcard.application.port.out.wechat.MemberUpdate;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.application.port.out.wechat.WechatCardCatalog;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatMemberCards;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.LedgerTotals;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's tasks to WeChat. Every instance runs one; the store hands each task to one dispatcher at a time.
 * A task that fails for a reason that may pass (WeChat busy, over quota, unreachable) is offered again after an
 * exponential back-off; one that cannot succeed as it is (WeChat refused it) becomes a dead letter for an operator.
 * Each task is safe to send twice: totals are absolute, and "already done" answers count as done.
 */
final class OutboxDispatcher implements DispatchOutboxUseCase, ManageDeadLettersUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 12;
    /** Repeats of a sync overtaken by later changes; a membership changing faster than this gets its own syncs. */
    static final int MAX_RESENDS = 3;

    private final OutboxStore outbox;
    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final WechatCardCatalog catalog;
    private final WechatMemberCards wechat;
    private final MembershipService membershipService;
    private final Lookups lookups;
    private final Clock clock;
    private final String dispatcherName;

    OutboxDispatcher(OutboxStore outbox, MembershipStore memberships, LedgerStore ledger,
                     WechatCardCatalog catalog, WechatMemberCards wechat, MembershipService membershipService,
                     Lookups lookups, Clock clock, String dispatcherName) {
        this.outbox = outbox;
        this.memberships = memberships;
        this.ledger = ledger;
        this.catalog = catalog;
        this.wechat = wechat;
        this.membershipService = membershipService;
        this.lookups = lookups;
        this.clock = clock;
        this.dispatcherName = dispatcherName;
    }

    @Override
    public DispatchReport dispatchDue(int limit) {
        List<OutboxMessage> claimed = outbox.claim(dispatcherName, limit, clock.now(), LEASE);
        int sent = 0;
        int retried = 0;
        int dead = 0;
        for (OutboxMessage message : claimed) {
            switch (deliver(message)) {
                case SENT -> sent++;
                case RETRY -> retried++;
                case DEAD -> dead++;
            }
        }
        return new DispatchReport(claimed.size(), sent, retried, dead);
    }

    private enum Delivery { SENT, RETRY, DEAD }

    private Delivery deliver(OutboxMessage message) {
        Either<Failure, String> result;
        try {
            result = send(message.task());
        } catch (RuntimeException technical) {
            LOG.warn("outbox task {} ({}) failed: {}", message.id(), message.task().kind(), technical.toString());
            return retryOrBury(message, "technical failure: " + technical.getClass().getSimpleName() + ": "
                    + technical.getMessage(), true);
        }
        if (result.isRight()) {
            outbox.completed(message.id(), dispatcherName);
            LOG.debug("outbox task {} done: {}", message.id(), result.get());
            return Delivery.SENT;
        }
        Failure failure = result.getLeft();
        boolean mayPass = failure instanceof Failure.WechatFailed wechatFailed && wechatFailed.error().kind().worthRetryingLater()
                || failure instanceof Failure.Conflict;
        return retryOrBury(message, failure.detail(), mayPass);
    }

    private Delivery retryOrBury(OutboxMessage message, String error, boolean mayPass) {
        if (!mayPass || message.attempts() + 1 >= MAX_ATTEMPTS) {
            LOG.error("outbox task {} ({}) is a dead letter after {} attempts: {}", message.id(), message.task().kind(),
                    message.attempts() + 1, error);
            outbox.deadLetter(message.id(), dispatcherName, error);
            return Delivery.DEAD;
        }
        outbox.retryLater(message.id(), dispatcherName, clock.now().plus(RetryBackOff.after(message.attempts())), error);
        return Delivery.RETRY;
    }

    private Either<Failure, String> send(OutboxTask task) {
        if (task instanceof OutboxTask.SyncMemberTotals sync) {
            return syncTotals(sync);
        }
        if (task instanceof OutboxTask.InvalidateOnWechat invalidate) {
            return onWechatCard(invalidate.membershipKey(), (account, card) -> alreadyDoneIf(
                    wechat.makeUnavailable(account, card.wechatCardId().get(), invalidate.code(), invalidate.reason()),
                    WechatError.Kind.CONFLICT, "code " + invalidate.code() + " made unavailable"));
        }
        if (task instanceof OutboxTask.DeleteCardOnWechat delete) {
            return lookups.account(delete.tenantId()).flatMap(account -> alreadyDoneIf(
                    catalog.delete(account, delete.wechatCardId()), WechatError.Kind.NOT_FOUND,
                    "WeChat card " + delete.wechatCardId() + " deleted"));
        }
        OutboxTask.PullMemberInfo pull = (OutboxTask.PullMemberInfo) task;
        return membershipService.pull(new MembershipKey(pull.tenantId(), pull.cardId(), pull.code()))
                .map(membership -> "member info of " + pull.code() + " recorded");
    }

    /**
     * Sends the ledger's totals as they are now, so tasks may run in any order or twice and still land on the same
     * totals. The delta and reason of the entry that asked for the sync tell the member what changed.
     */
    private Either<Failure, String> syncTotals(OutboxTask.SyncMemberTotals sync) {
        MembershipKey key = sync.membership();
        Option<Membership> found = memberships.find(key);
        if (found.isEmpty() || found.get().state() != MembershipState.ACTIVATED) {
            return Either.right("membership " + key + " is no longer active; nothing to sync");
        }
        Membership membership = found.get();
        Option<LedgerEntry> entry = ledger.entry(key, sync.sequence());
        boolean told = entry.exists(e -> e.source() == EntrySource.MERCHANT);
        Option<LedgerEntry> points = entry.filter(e -> told && e.asset() == Asset.POINTS);
        Option<LedgerEntry> balance = entry.filter(e -> told && e.asset() == Asset.BALANCE);
        return onWechatCard(key, (account, card) -> {
            boolean offersPoints = card.definition().supplyBonus();
            boolean offersBalance = card.definition().supplyBalance();
            if (!offersPoints && !offersBalance) {
                return Either.right("card " + card.id() + " offers neither points nor stored value; nothing to sync");
            }
            Either<Failure, MemberTotals> sent = wechat.updateMember(account, new MemberUpdate(card.wechatCardId().get(),
                        key.code(),
                        offersPoints ? Option.of(membership.totals().points()) : Option.none(),
                        offersBalance ? Option.of(membership.totals().balance()) : Option.none(),
                        points.filter(e -> offersPoints).map(LedgerEntry::delta),
                        points.filter(e -> offersPoints).map(LedgerEntry::reason),
                        balance.filter(e -> offersBalance).map(LedgerEntry::delta),
                        balance.filter(e -> offersBalance).map(LedgerEntry::reason),
                        points.exists(LedgerEntry::notifyMember), balance.exists(LedgerEntry::notifyMember)))
                    .mapLeft(Failure.WechatFailed::new);
            return sent.flatMap(answer -> resendIfOvertaken(account, card, key, membership.totals(), answer,
                            offersPoints, offersBalance))
                    .map(totals -> "totals of " + key.code() + " synced: " + totals.bonus() + ", " + totals.balance());
        });
    }

    /**
     * The totals sent were read before the call; a change committed meanwhile has a sync of its own, but that sync
     * (another dispatcher's, another instance's) may have landed before this one, which then left WeChat on older
     * totals. So whoever sends last looks again, and sends the totals as they are now until they stand still: the last
     * call to land always carries the ledger's latest totals. No notification goes with these repeats.
     */
    private Either<Failure, MemberTotals> resendIfOvertaken(WechatAccount account, Card card, MembershipKey key,
                                                            LedgerTotals sentTotals, MemberTotals firstAnswer,
                                                            boolean offersPoints, boolean offersBalance) {
        LedgerTotals sent = sentTotals;
        MemberTotals answer = firstAnswer;
        for (int round = 0; round < MAX_RESENDS; round++) {
            Option<Membership> now = memberships.find(key);
            if (now.isEmpty() || now.get().state() != MembershipState.ACTIVATED
                    || sameOnWechat(now.get().totals(), sent, offersPoints, offersBalance)) {
                break;
            }
            LedgerTotals latest = now.get().totals();
            LOG.debug("the sync of {} was overtaken by a later change; sending the latest totals again", key.code());
            Either<WechatError, MemberTotals> again = wechat.updateMember(account, new MemberUpdate(
                    card.wechatCardId().get(), key.code(),
                    offersPoints ? Option.of(latest.points()) : Option.none(),
                    offersBalance ? Option.of(latest.balance()) : Option.none(),
                    Option.none(), Option.none(), Option.none(), Option.none(), false, false));
            if (again.isLeft()) {
                return Either.left(new Failure.WechatFailed(again.getLeft()));
            }
            answer = again.get();
            sent = latest;
        }
        return Either.right(answer);
    }

    private static boolean sameOnWechat(LedgerTotals a, LedgerTotals b, boolean offersPoints, boolean offersBalance) {
        return (!offersPoints || a.points().equals(b.points())) && (!offersBalance || a.balance().equals(b.balance()));
    }

    private Either<Failure, String> onWechatCard(MembershipKey key,
                                                 java.util.function.BiFunction<WechatAccount, Card, Either<Failure, String>> call) {
        return lookups.account(key.tenantId()).flatMap(account -> lookups.card(key.tenantId(), key.cardId())
                .flatMap(card -> card.wechatCardId().isEmpty()
                        ? Either.<Failure, String>right("card " + card.id() + " is not on WeChat; nothing to send")
                        : call.apply(account, card)));
    }

    /** WeChat answers some repeats with an error ("already unavailable"): for a repeat, that means done. */
    private static Either<Failure, String> alreadyDoneIf(Either<WechatError, ?> call, WechatError.Kind alreadyDone,
                                                         String what) {
        if (call.isLeft() && call.getLeft().kind() == alreadyDone) {
            return Either.right(what + " (WeChat says it already was: " + call.getLeft().code() + ")");
        }
        return call.mapLeft(error -> (Failure) new Failure.WechatFailed(error)).map(done -> what);
    }

    @Override
    public Page<OutboxMessage> deadLetters(PageRequest page) {
        return outbox.deadLetters(page);
    }

    @Override
    public boolean retry(String outboxId) {
        return outbox.revive(outboxId, clock.now());
    }
}
