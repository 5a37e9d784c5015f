package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.wxcard.application.port.in.ChangeLedgerUseCase;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.TotalsCheck;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;

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

    @Override
    public Either<Failure, LedgerResult> change(ChangeLedgerCommand command) {
        MembershipKey key = command.membership();
        return unitOfWork.run("membership " + key.code(), () -> lookups.card(key.tenantId(), key.cardId())
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

    private Either<Failure, LedgerResult> apply(Membership membership, LedgerChange change) {
        return rejected(membership.record(change, ledger.findByKey(membership.key(), change.key()), clock.now()))
                .map(result -> {
                    if (result.replayed()) {
                        return result;
                    }
                    Membership saved = memberships.saveTotals(result.membership());
                    ledger.append(membership.key(), result.entry());
                    outbox.membershipChanged(membership.tenantId(), result.events());
                    events.ledgerRecorded(saved, result.entry());
                    return new LedgerResult(saved, result.entry(), false);
                });
    }
}
