package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.RunLoyaltyPeriodsUseCase;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.LedgerStore;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.application.port.out.store.MemberStandingStore;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.ledger.EntrySource;
import io.wxcard.domain.ledger.IdempotencyKey;
import io.wxcard.domain.ledger.LedgerChange;
import io.wxcard.domain.ledger.LedgerEntry;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.loyalty.LevelChange;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.loyalty.PointsExpiry;
import io.wxcard.domain.loyalty.Standing;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Expiry and the levels' review, one member per transaction so that one member's conflict never holds up the rest.
 * An expiry is a ledger entry ({@link EntrySource#EXPIRY}) under a key named for the day's cutoff, so a second run
 * the same day is a replay; a review remembers the period end it ran for.
 */
final class LoyaltyPeriods implements RunLoyaltyPeriodsUseCase {

    private final LoyaltyProgramStore programs;
    private final MembershipStore memberships;
    private final LedgerStore ledgerEntries;
    private final LoyaltyService loyalty;
    private final MemberStandingStore standings;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    LoyaltyPeriods(LoyaltyProgramStore programs, MembershipStore memberships, LedgerStore ledgerEntries,
                   LoyaltyService loyalty, MemberStandingStore standings,
                   Lookups lookups, UnitOfWork unitOfWork, Clock clock) {
        this.programs = programs;
        this.memberships = memberships;
        this.ledgerEntries = ledgerEntries;
        this.loyalty = loyalty;
        this.standings = standings;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Either<Failure, Integer> expirePoints(TenantId tenantId, CardId cardId) {
        Either<Failure, LoyaltyProgram> found = program(tenantId, cardId);
        if (found.isLeft()) {
            return Either.left(found.getLeft());
        }
        Option<PointsExpiry> expiry = found.get().pointsRule().flatMap(rule -> rule.expiry());
        if (expiry.isEmpty()) {
            return Either.right(0);
        }
        int expired = 0;
        for (Membership member : activeMembers(tenantId, cardId)) {
            Either<Failure, Boolean> done = unitOfWork.run("membership " + member.code(), () ->
                    lookups.membership(member.key()).flatMap(current -> expire(current, expiry.get(), found.get())));
            if (done.isLeft()) {
                return Either.left(done.getLeft());
            }
            expired += done.get() ? 1 : 0;
        }
        return Either.right(expired);
    }

    private Either<Failure, Boolean> expire(Membership member, PointsExpiry expiry, LoyaltyProgram program) {
        Instant now = clock.now();
        Option<Points> due = expiry.due(entries(member.key()), member.totals().points(), now);
        if (due.isEmpty()) {
            return Either.right(false);
        }
        LocalDate cutoff = LocalDate.ofInstant(expiry.cutoff(now), ZoneOffset.UTC);
        return loyalty.book(member, LedgerChange.points(Points.of(-due.get().value()), "积分过期：" + cutoff
                        + " 及以前获得的积分", new IdempotencyKey("points-expiry-" + cutoff), EntrySource.EXPIRY,
                program.notices().notifyPoints())).map(result -> !result.replayed());
    }

    @Override
    public Either<Failure, Integer> reviewLevels(TenantId tenantId, CardId cardId) {
        Either<Failure, LoyaltyProgram> found = program(tenantId, cardId);
        if (found.isLeft() || found.get().levels().isEmpty()) {
            return found.map(program -> 0);
        }
        Instant now = clock.now();
        Option<Instant> due = found.get().reviewDue(now);
        if (due.isEmpty()) {
            return Either.right(0);
        }
        int moved = 0;
        for (MemberStanding listed : standings.withLevel(tenantId, cardId)) {
            Either<Failure, Boolean> done = unitOfWork.run("membership " + listed.membership().code(), () ->
                    lookups.membership(listed.membership()).map(member -> demote(member, found.get(), due.get(), now)));
            if (done.isLeft()) {
                return Either.left(done.getLeft());
            }
            moved += done.get() ? 1 : 0;
        }
        unitOfWork.run("loyalty of card " + cardId, () -> program(tenantId, cardId).peek(program ->
                programs.save(program.reviewedAt(due.get()))));
        return Either.right(moved);
    }

    @Override
    public Either<Failure, Integer> promoteQualified(TenantId tenantId, CardId cardId) {
        Either<Failure, LoyaltyProgram> found = program(tenantId, cardId);
        if (found.isLeft() || found.get().levels().isEmpty()) {
            return found.map(program -> 0);
        }
        int moved = 0;
        for (Membership member : activeMembers(tenantId, cardId)) {
            Either<Failure, Boolean> done = unitOfWork.run("membership " + member.code(), () ->
                    lookups.membership(member.key()).map(current -> loyalty.promote(current, found.get(),
                            "review of the card's levels", clock.now()).isDefined()));
            if (done.isLeft()) {
                return Either.left(done.getLeft());
            }
            moved += done.get() ? 1 : 0;
        }
        return Either.right(moved);
    }

    private boolean demote(Membership member, LoyaltyProgram program, Instant periodEnd, Instant now) {
        MemberStanding standing = loyalty.standing(member.key(), now);
        Option<LevelChange> change = standing.level().flatMap(level -> program.levels().get().demotion(member.key(),
                level, new Standing(member.totals().points(), standing.lifetimeSpend()),
                "review at the period end " + periodEnd, now));
        change.forEach(down -> loyalty.move(member, standing, down));
        return change.isDefined();
    }

    private Either<Failure, LoyaltyProgram> program(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId).map(card -> programs.find(tenantId, cardId)
                .getOrElse(() -> LoyaltyProgram.none(tenantId, cardId)));
    }

    private List<Membership> activeMembers(TenantId tenantId, CardId cardId) {
        List<Membership> members = new ArrayList<>();
        Page<Membership> page;
        int offset = 0;
        do {
            page = memberships.list(tenantId, cardId, Option.of(MembershipState.ACTIVATED),
                    new PageRequest(offset, PageRequest.MAX_LIMIT));
            members.addAll(page.items());
            offset += page.items().size();
        } while (!page.items().isEmpty() && offset < page.total());
        return members;
    }

    private List<LedgerEntry> entries(MembershipKey key) {
        List<LedgerEntry> entries = new ArrayList<>();
        Page<LedgerEntry> page;
        do {
            page = ledgerEntries.history(key, new PageRequest(entries.size(), PageRequest.MAX_LIMIT));
            entries.addAll(page.items());
        } while (!page.items().isEmpty() && entries.size() < page.total());
        return entries;
    }
}
