package io.wxcard.application.service;

import static io.wxcard.application.service.Lookups.rejected;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.store.MembershipStore;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.ledger.TotalsCheck.Totals;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.Membership;
import io.wxcard.domain.membership.MembershipChange;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import io.wxcard.domain.tenant.TenantId;

/**
 * A member giving their card to a friend. WeChat tells of it twice: {@code user_gifting_card} when it is sent (or comes
 * back), and {@code user_get_card} with {@code IsGiveByFriend=1} and {@code OldUserCardCode} when the friend accepts
 * it. WeChat then gives the card a new code (the friend's membership, recorded as any received card) and the old code
 * stops existing ("invalid serial code"): the giver's membership ends as GIFTED, its ledger closed with an entry that
 * takes its totals to zero. What the friend's new code holds is read from WeChat, not assumed.
 */
final class GiftingService {

    private final MembershipStore memberships;
    private final LedgerService ledger;
    private final TotalsReconciler totals;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    GiftingService(MembershipStore memberships, LedgerService ledger, TotalsReconciler totals, Lookups lookups,
                   UnitOfWork unitOfWork, Clock clock) {
        this.memberships = memberships;
        this.ledger = ledger;
        this.totals = totals;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** {@code user_gifting_card}: sent to a friend, or back unaccepted. */
    Either<Failure, String> gifting(TenantId tenantId, WechatCardId wechatCardId, Code code, boolean returnedBack) {
        return lookups.cardOnWechat(tenantId, wechatCardId)
                .flatMap(card -> change(new MembershipKey(tenantId, card.id(), code), membership -> returnedBack
                        ? rejected(membership.gifting().returned(clock.now()))
                        : rejected(membership.gifting().started(clock.now()))))
                .map(membership -> "membership " + code + (returnedBack ? " came back from a gift, now "
                        : " sent to a friend, now ") + membership.state());
    }

    /**
     * The friend accepted: the giver's membership ends and its ledger is closed; the friend's (already recorded by the
     * caller, as received) is compared with WeChat's totals next.
     */
    Either<Failure, String> accepted(TenantId tenantId, MembershipKey friends, Code giversCode) {
        MembershipKey givers = new MembershipKey(tenantId, friends.cardId(), giversCode);
        totals.compareLater(friends);
        if (memberships.find(givers).isEmpty()) {
            return Either.right("the giver's code " + giversCode + " is not known here; only the friend's is recorded");
        }
        return change(givers, membership -> rejected(membership.gifting().givenAway(clock.now())))
                .flatMap(gifted -> close(gifted, friends.code()))
                .map(gifted -> "membership " + giversCode + " given to a friend (now code " + friends.code() + "), "
                        + gifted.state());
    }

    private Either<Failure, Membership> close(Membership gifted, Code friendsCode) {
        Totals left = Totals.of(gifted.totals());
        if (gifted.state() != MembershipState.GIFTED || left.equals(new Totals(0, 0))) {
            return Either.right(gifted);
        }
        return unitOfWork.run("membership " + gifted.code(), () -> lookups.membership(gifted.key())
                .flatMap(fresh -> ledger.bookChangeOnWechat(fresh, new Totals(-left.points(), -left.balance()),
                        "given to a friend (now code " + friendsCode + ")")));
    }

    private Either<Failure, Membership> change(MembershipKey key,
                                               java.util.function.Function<Membership, Either<Failure, MembershipChange>> decision) {
        return unitOfWork.run("membership " + key.code(), () -> lookups.membership(key).flatMap(decision)
                .map(change -> change.changed() ? memberships.save(change.membership()) : change.membership()));
    }
}
