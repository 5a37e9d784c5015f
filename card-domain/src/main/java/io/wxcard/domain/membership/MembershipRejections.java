package io.wxcard.domain.membership;

import static io.wxcard.domain.shared.RejectionCode.MEMBERSHIP_BEING_GIFTED;
import static io.wxcard.domain.shared.RejectionCode.MEMBERSHIP_DELETED_BY_MEMBER;
import static io.wxcard.domain.shared.RejectionCode.MEMBERSHIP_GIFTED;
import static io.wxcard.domain.shared.RejectionCode.MEMBERSHIP_INVALIDATED;

import io.wxcard.domain.shared.Rejection;

/** Why a membership that the member no longer holds (or holds aside) cannot take an operation, in words. */
final class MembershipRejections {

    private MembershipRejections() {}

    static String describe(MembershipSnapshot s) {
        return "membership " + s.code() + " of card " + s.cardId();
    }

    /** For INVALIDATED, DELETED, GIFTING and GIFTED; {@code what} is the operation refused ("activated", ...). */
    static Rejection notHeld(MembershipSnapshot s, String what) {
        return switch (s.state()) {
            case INVALIDATED -> Rejection.of(MEMBERSHIP_INVALIDATED, describe(s) + " was invalidated"
                    + s.invalidationReason().map(r -> " (" + r + ")").getOrElse("") + " and cannot be " + what);
            case DELETED -> Rejection.of(MEMBERSHIP_DELETED_BY_MEMBER, describe(s)
                    + " was deleted by the member from their WeChat wallet and cannot be " + what + " until they restore it");
            case GIFTING -> Rejection.of(MEMBERSHIP_BEING_GIFTED, describe(s) + " is being given to a friend and cannot be "
                    + what + " until the friend accepts it or it comes back");
            case GIFTED -> Rejection.of(MEMBERSHIP_GIFTED, describe(s) + " was given to a friend, who holds the card under"
                    + " a new code; it cannot be " + what);
            case ISSUED, ACTIVATED -> throw new IllegalStateException(describe(s) + " is held: nothing to refuse");
        };
    }
}
