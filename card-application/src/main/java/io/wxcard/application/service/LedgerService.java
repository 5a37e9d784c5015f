package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.TotalsCheck;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Points and stored value. A change lands in the ledger and the membership's totals in one transaction, together with
 * the outbox task that brings WeChat in line; WeChat is never asked first, so a slow or failing WeChat never loses or
 * doubles a change.
 */
final class LedgerService implements ChangeLedgerUseCase {

    private final MembershipStore memberships;
    private final LedgerStore ledger;
    private final OutboxWriter outbox;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final EventPublisher events;
    /**
     * What else follows a recorded entry in its transaction (a level the new points reach, a notice): registered by
     * the loyalty services when an embedder wires them ({@link CardServices#loyalty}), none otherwise.
     */
    private final List<LedgerFollowUp> followUps = new CopyOnWriteArrayList<>();

    /** Something done in the transaction of every recorded entry, on the membership as saved with it. */
    interface LedgerFollowUp {
        void recorded(Membership membership, LedgerEntry entry);
    }

    void follow(LedgerFollowUp followUp) {
        followUps.add(followUp);
    }

    /** Null when every change commits alone (group commit off). */
    private volatile LedgerGroupCommit groups;

    /**
     * From now on changes made outside any transaction commit in groups (issue 16 item 3); a change made inside the
     * caller's transaction (an audited console change) still joins that transaction.
     */
    void commitInGroups(LedgerGroupSettings settings, java.util.concurrent.Executor leaders) {
        this.groups = new LedgerGroupCommit(new LedgerGroup(memberships, ledger, outbox, lookups,
                unitOfWork.transactions(), clock, events, followUps), this::changeAlone, leaders, settings);
    }

    LedgerService(MembershipStore memberships, LedgerStore ledger, OutboxWriter outbox, Lookups lookups,
                  UnitOfWork unitOfWork, Clock clock, EventPublisher events) {
        this.events = events;
        this.memberships = memberships;
        this.ledger = ledger;
        this.outbox = outbox;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The changes waiting for their group now (0 with group commit off). */
    int queuedForGroups() {
        LedgerGroupCommit grouped = groups;
        return grouped == null ? 0 : grouped.queued();
    }

    @Override
    public Either<Failure, LedgerResult> change(ChangeLedgerCommand command) {
        LedgerGroupCommit grouped = groups;
        return grouped != null && !unitOfWork.inProgress() ? grouped.change(command) : changeAlone(command);
    }

    /** The change in a transaction of its own (or the caller's), run again after a lost race. */
    Either<Failure, LedgerResult> changeAlone(ChangeLedgerCommand command) {
        MembershipKey key = command.membership();
        return unitOfWork.run("membership " + key.code(), () -> lookups.cardToCheck(key.tenantId(), key.cardId())
                .flatMap(card -> rejected(card.checkOffers(command.change().asset())))
                .flatMap(card -> lookups.membership(key))
                .flatMap(membership -> apply(membership, command.change())));
    }

    /**
     * Books a change that happened on WeChat's side (see {@link TotalsReconciler}), in the caller's transaction, on the
     * membership as just read. Its entries are {@link EntrySource#WECHAT}: never sent back to WeChat. The keys name the
     * ledger entry the change follows, so a second booking of the same change after the same entry is a replay.
     */
    Either<Failure, Membership> bookChangeOnWechat(Membership membership, TotalsCheck.Totals change, String reason) {
        if (!WechatRange.holdsDelta(change.points()) || !WechatRange.holdsDelta(change.balance())) {
            return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.LEDGER_CHANGE_INVALID, "WeChat shows a "
                    + "change of " + change.points() + " points and " + change.balance() + " fen for "
                    + membership.code() + ", outside WeChat's own range (" + WechatRange.MAX
                    + " either way); nothing was recorded")));
        }
        String after = "wechat-after-" + membership.totals().lastSequence();
        Either<Failure, Membership> result = Either.right(membership);
        if (change.points() != 0) {
            result = result.flatMap(m -> apply(m, LedgerChange.points(Points.of(change.points()), reason,
                    new IdempotencyKey(after + "-points"), EntrySource.WECHAT, false)).map(LedgerResult::membership));
        }
        if (change.balance() != 0) {
            result = result.flatMap(m -> apply(m, LedgerChange.balance(Fen.of(change.balance()), reason,
                    new IdempotencyKey(after + "-balance"), EntrySource.WECHAT, false)).map(LedgerResult::membership));
        }
        return result;
    }

    /** A change within the caller's transaction, on the membership as just read (a purchase's points, an expiry). */
    Either<Failure, LedgerResult> applyWithin(Membership membership, LedgerChange change) {
        return apply(membership, change);
    }

    /**
     * Decides the change as one the ledger has not seen (nearly every change carries a new key) and appends its entry
     * before the totals: the ledger's unique keys are the idempotency check, so a change reads no entry. Only when the
     * entry is refused, or the change is, does the entry with the change's key (if any) decide instead: a retry
     * answers the first result, even where the change would now be refused, and a key used for another change is
     * refused. An entry refused with no entry of that key means a concurrent change took its sequence: a lost race,
     * which the unit of work runs again.
     */
    private Either<Failure, LedgerResult> apply(Membership membership, LedgerChange change) {
        Instant now = clock.now();
        Either<Rejection, LedgerResult> asNew = membership.record(change, Option.none(), now);
        if (asNew.isLeft()) {
            return rejected(decidedByEarlier(membership, change, now).getOrElse(asNew));
        }
        LedgerResult result = asNew.get();
        if (!ledger.appendIfAbsent(membership.key(), result.entry())) {
            return rejected(decidedByEarlier(membership, change, now).getOrElseThrow(() ->
                    new ConcurrentUpdateException("entry " + result.entry().sequence() + " of membership "
                            + membership.key() + " was taken by a concurrent change")));
        }
        Membership saved = memberships.saveTotals(result.membership());
        outbox.membershipChanged(membership.tenantId(), result.events());
        events.ledgerRecorded(saved, result.entry());
        followUps.forEach(followUp -> followUp.recorded(saved, result.entry()));
        return Either.right(new LedgerResult(saved, result.entry(), false));
    }

    /** The decision once the entry that already has the change's key is known, when there is one. */
    private Option<Either<Rejection, LedgerResult>> decidedByEarlier(Membership membership, LedgerChange change,
                                                                     Instant now) {
        return ledger.findByKey(membership.key(), change.key())
                .map(earlier -> membership.record(change, Option.of(earlier), now));
    }
}
