package io.wxcard.domain.membership;

import java.util.List;

/** The outcome of an allowed operation on a membership: the membership as it now is, and what happened. */
public record MembershipChange(Membership membership, List<MembershipEvent> events) {
    public MembershipChange {
        events = List.copyOf(events);
    }
}
