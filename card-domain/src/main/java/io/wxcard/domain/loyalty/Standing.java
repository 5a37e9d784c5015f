package io.wxcard.domain.loyalty;

import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import java.util.Objects;

/** What a member's level is decided on: the points they hold now and what they have spent with the card so far. */
public record Standing(Points points, Fen lifetimeSpend) {
    public Standing {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(lifetimeSpend, "lifetime spend");
    }
}
