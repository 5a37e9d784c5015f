package io.wxcard.domain.loyalty;

import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;

/** How a member comes to a level. */
public sealed interface LevelEntry {

    /** Whether a member with this standing qualifies on their own (a merchant-set level never does). */
    boolean heldBy(Standing standing);

    /** The lowest level: every member holds it. */
    record Base() implements LevelEntry {
        public boolean heldBy(Standing standing) {
            return true;
        }
    }

    /**
     * Reached with at least these points or at least this lifetime spend (either is enough); at least one is given.
     */
    record Threshold(Option<Points> points, Option<Fen> lifetimeSpend) implements LevelEntry {
        public Threshold {
            points = points == null ? Option.none() : points;
            lifetimeSpend = lifetimeSpend == null ? Option.none() : lifetimeSpend;
        }

        public boolean heldBy(Standing standing) {
            return points.exists(p -> standing.points().compareTo(p) >= 0)
                    || lifetimeSpend.exists(f -> standing.lifetimeSpend().compareTo(f) >= 0);
        }
    }

    /** Given and taken only by the merchant (a staff level, a VIP invitation). */
    record SetByMerchant() implements LevelEntry {
        public boolean heldBy(Standing standing) {
            return false;
        }
    }
}
