package io.wxcard.domain.membership;

import java.util.List;

/**
 * The outcome of an allowed operation on a membership: the membership as it now is, whether the operation changed it
 * (a fact that changes nothing, such as WeChat reporting the deletion of an invalidated card, does not), and what
 * happened that others must hear of.
 */
public record MembershipChange(Membership membership, boolean changed, List<MembershipEvent> events) {
    public MembershipChange {
        events = List.copyOf(events);
    }

    static MembershipChange of(Membership membership, MembershipEvent... events) {
        return new MembershipChange(membership, true, List.of(events));
    }

    static MembershipChange unchanged(Membership membership) {
        return new MembershipChange(membership, false, List.of());
    }
}
