package io.wxcard.domain.loyalty;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.membership.MembershipKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A member's place in their card's loyalty programme: their level (none until the card has levels) and what they
 * have spent with the card (the purchases recorded, in fen).
 */
public record MemberStanding(MembershipKey membership, Option<LevelName> level, Fen lifetimeSpend, Instant since) {

    public MemberStanding {
        Objects.requireNonNull(membership, "membership");
        level = level == null ? Option.none() : level;
        Objects.requireNonNull(lifetimeSpend, "lifetime spend");
        Objects.requireNonNull(since, "since");
    }

    public static MemberStanding fresh(MembershipKey membership, Instant now) {
        return new MemberStanding(membership, Option.none(), Fen.ZERO, now);
    }

    public MemberStanding spent(Fen amount) {
        return new MemberStanding(membership, level, lifetimeSpend.plus(amount.value()), since);
    }

    public MemberStanding moved(LevelChange change) {
        return new MemberStanding(membership, Option.of(change.to()), lifetimeSpend, change.at());
    }
}
