package io.wxcard.domain.membership;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.shared.Rejection;
import java.time.Instant;

/**
 * One membership's gifting ({@code user_gifting_card}, then {@code user_get_card} with {@code IsGiveByFriend}, or the
 * gift coming back): {@code membership.gifting().started(now)}. Each fact WeChat reports again changes nothing.
 */
public final class MembershipGifting {

    private final Membership membership;
    private final MembershipSnapshot s;

    MembershipGifting(Membership membership) {
        this.membership = membership;
        this.s = membership.snapshot();
    }

    /** Sent to a friend ({@code user_gifting_card}): until accepted or back, WeChat refuses the code (40127). */
    public Either<Rejection, MembershipChange> started(Instant now) {
        if (s.state() == MembershipState.GIFTING || s.state() == MembershipState.GIFTED) {
            return Either.right(MembershipChange.unchanged(membership));
        }
        if (s.state() != MembershipState.ISSUED && s.state() != MembershipState.ACTIVATED) {
            return Either.left(MembershipRejections.notHeld(s, "given to a friend"));
        }
        return Either.right(MembershipChange.of(new Membership(s.toBuilder().state(MembershipState.GIFTING)
                .stateBeforeDeletion(Option.of(s.state())).updatedAt(now).build())));
    }

    /** The gift came back unaccepted ({@code IsReturnBack=1}, WeChat's GIFT_TIMEOUT): the card is the member's again. */
    public Either<Rejection, MembershipChange> returned(Instant now) {
        if (s.state() != MembershipState.GIFTING) {
            return Either.right(MembershipChange.unchanged(membership));
        }
        MembershipState back = s.stateBeforeDeletion().getOrElse(MembershipState.ISSUED);
        return Either.right(MembershipChange.of(new Membership(s.toBuilder().state(back)
                .stateBeforeDeletion(Option.none()).updatedAt(now).build())));
    }

    /**
     * A friend accepted it ({@code user_get_card}, {@code OldUserCardCode} = this code): WeChat gave the card a new code
     * (the friend's membership) and this one answers "invalid serial code" from then on: it ends for good.
     */
    public Either<Rejection, MembershipChange> givenAway(Instant now) {
        if (s.state() == MembershipState.GIFTED || s.state() == MembershipState.INVALIDATED) {
            return Either.right(MembershipChange.unchanged(membership));
        }
        return Either.right(MembershipChange.of(new Membership(s.toBuilder().state(MembershipState.GIFTED)
                .stateBeforeDeletion(Option.none()).updatedAt(now).build())));
    }
}
