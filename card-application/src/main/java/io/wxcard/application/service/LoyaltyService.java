package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.MemberLevelsUseCase;
import io.wxcard.application.port.in.RecordPurchaseUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.MemberStandingStore;
import io.wxcard.application.port.out.store.OutboxTask;
import io.wxcard.domain.ledger.Asset;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.loyalty.Purchase;
import io.wxcard.domain.loyalty.Standing;
import io.wxcard.domain.membership.LedgerResult;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Reason;
import io.wxcard.domain.shared.Rejection;
import io.wxcard.domain.shared.RejectionCode;
import java.time.Instant;
import java.util.List;

/**
 * Purchases, and the levels they move members to. Every ledger entry is followed, in its transaction, by the level
 * check: a member whose points reach a higher level moves up at once, is shown it on WeChat (an outbox task), and the
 * change joins their history. Moving down waits for a period's end ({@link LoyaltyPeriods}).
 */
final class LoyaltyService implements RecordPurchaseUseCase, MemberLevelsUseCase, LedgerService.LedgerFollowUp {

    private final RecentLoyaltyPrograms programs;
    private final MemberStandingStore standings;
    private final LedgerService ledger;
    private final OutboxWriter outbox;
    private final MemberNotices notices;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final EventPublisher events;

    LoyaltyService(RecentLoyaltyPrograms programs, MemberStandingStore standings, LedgerService ledger,
                   OutboxWriter outbox, MemberNotices notices, Lookups lookups, UnitOfWork unitOfWork, Clock clock,
                   EventPublisher events) {
        this.programs = programs;
        this.standings = standings;
        this.ledger = ledger;
        this.outbox = outbox;
        this.notices = notices;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Either<Failure, PurchaseResult> purchase(RecordPurchaseCommand command) {
        MembershipKey key = command.membership();
        return unitOfWork.run("membership " + key.code(), () -> lookups.cardToCheck(key.tenantId(), key.cardId())
                .flatMap(card -> rejected(card.checkOffers(Asset.POINTS)))
                .flatMap(card -> lookups.membership(key))
                .flatMap(membership -> standings.purchase(key, command.key())
                        .map(earlier -> replay(earlier, command))
                        .getOrElse(() -> firstTime(membership, command))));
    }

    private Either<Failure, PurchaseResult> replay(Purchase earlier, RecordPurchaseCommand command) {
        if (!earlier.amount().equals(command.amount())) {
            return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.IDEMPOTENCY_KEY_REUSED,
                    "idempotency key " + command.key() + " was already used for a purchase of "
                            + MemberNotices.yuan(earlier.amount().value()) + "; use a new key for a new purchase")));
        }
        return Either.right(new PurchaseResult(earlier, Option.none(), Option.none(), true));
    }

    /**
     * The points are booked, then the purchase (its amount is lifetime spend from then on), then the level check sees
     * both: the entry's own follow-up leaves a purchase's entry to it.
     */
    private Either<Failure, PurchaseResult> firstTime(Membership membership, RecordPurchaseCommand command) {
        Instant now = clock.now();
        LoyaltyProgram program = program(membership);
        Points earned = program.pointsRule().map(rule -> rule.pointsFor(command.amount())).getOrElse(Points.ZERO);
        Either<Failure, Option<LedgerResult>> booked = earned.value() == 0
                ? Either.right(Option.none())
                : ledger.applyWithin(membership, LedgerChange.points(earned, Reason.require("消费 "
                                + MemberNotices.yuan(command.amount().value()) + " 得 " + earned.value() + " 积分"),
                        new IdempotencyKey("purchase-" + command.key().value()), EntrySource.PURCHASE,
                        program.notices().notifyPoints())).map(Option::of);
        return booked.map(result -> {
            Membership after = result.map(LedgerResult::membership).getOrElse(membership);
            Purchase recorded = new Purchase(membership.key(), command.key(), command.amount(), earned,
                    result.map(r -> r.entry().sequence()).getOrElse(0L), now);
            if (!standings.recordPurchase(recorded)) { // the same key at the same time: run again, as a replay
                throw new ConcurrentUpdateException("purchase " + command.key() + " of " + membership.key()
                        + " was recorded by a concurrent request");
            }
            Option<LevelChange> promoted = promote(after, program, "purchase " + command.key().value()
                    + " of " + MemberNotices.yuan(command.amount().value()), now);
            notices.purchased(after, recorded, program.notices());
            return new PurchaseResult(recorded, result.map(LedgerResult::entry), promoted, false);
        });
    }

    @Override
    public void recorded(Membership membership, LedgerEntry entry) {
        // remembered for a moment: read per change, it was a query on every change of a card with no set-up at all
        LoyaltyProgram program = programs.findToFollow(membership.tenantId(), membership.cardId());
        notices.entryRecorded(membership, entry, program.notices());
        // a purchase's own entry is checked by the purchase, which knows the spend too (see firstTime); a card with
        // no levels has no standing to read
        if (program.levels().isDefined() && entry.asset() == Asset.POINTS && entry.delta() > 0
                && entry.source() != EntrySource.PURCHASE) {
            promote(membership, program, "entry " + entry.sequence() + ": " + entry.reason(), clock.now());
        }
    }

    /** Moves the member up, in the caller's transaction, when their standing holds a higher level than theirs. */
    Option<LevelChange> promote(Membership membership, LoyaltyProgram program, String cause, Instant now) {
        MemberStanding standing = standing(membership.key(), now);
        return program.levels().flatMap(scheme -> scheme.promotion(membership.key(), standing.level(),
                        new Standing(membership.totals().points(), standing.lifetimeSpend()), cause, now))
                .peek(change -> move(membership, standing, change));
    }

    /**
     * Moves the member in the caller's transaction: their level, their history, WeChat to be told, and the merchant's
     * systems through the events (in the same transaction, so an event is never about a change rolled back).
     */
    void move(Membership membership, MemberStanding standing, LevelChange change) {
        standings.saveLevel(standing.moved(change));
        standings.appendLevelChange(change);
        events.levelChanged(membership, change);
        MembershipKey key = change.membership();
        outbox.enqueue(new OutboxTask.ShowMemberLevel(key.tenantId(), key.cardId(), key.code()));
    }

    MemberStanding standing(MembershipKey key, Instant now) {
        return standings.find(key).getOrElse(() -> MemberStanding.fresh(key, now));
    }

    private LoyaltyProgram program(Membership membership) {
        return programs.find(membership.tenantId(), membership.cardId())
                .getOrElse(() -> LoyaltyProgram.none(membership.tenantId(), membership.cardId()));
    }

    @Override
    public Either<Failure, MemberStanding> standing(MembershipKey membership) {
        return lookups.membership(membership).map(found -> standing(membership, clock.now()));
    }

    @Override
    public Either<Failure, List<LevelChange>> levelHistory(MembershipKey membership) {
        return lookups.membership(membership).map(found -> standings.levelChanges(membership));
    }

    @Override
    public Either<Failure, LevelChange> setLevel(MembershipKey key, LevelName level, String reason) {
        Reason.require(reason);
        return unitOfWork.run("membership " + key.code(), () -> lookups.membership(key).flatMap(membership -> {
            Instant now = clock.now();
            LoyaltyProgram program = program(membership);
            if (program.levels().flatMap(scheme -> scheme.level(level)).isEmpty()) {
                return Either.left(new Failure.Rejected(Rejection.of(RejectionCode.LEVELS_INVALID, "card "
                        + key.cardId() + " has no level " + level + "; set the card's levels first "
                        + "(PUT /v1/cards/{id}/levels); nothing was changed")));
            }
            MemberStanding standing = standing(key, now);
            LevelChange change = new LevelChange(key, standing.level(), level, LevelChange.Direction.SET_BY_MERCHANT,
                    reason, now);
            move(membership, standing, change);
            return Either.right(change);
        }));
    }

    /** A ledger change in the caller's transaction, for the periods' expiry. */
    Either<Failure, LedgerResult> book(Membership membership, LedgerChange change) {
        return ledger.applyWithin(membership, change);
    }
}
