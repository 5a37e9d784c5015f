package io.wxcard.domain.loyalty;

import io.vavr.control.Option;
import io.wxcard.domain.membership.MembershipKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A member moved to another level: the event a membership's history keeps and WeChat is told of.
 *
 * @param from  none for a member's first level
 * @param cause why, in words the merchant reads (the ledger entry that crossed a threshold, a period's review)
 */
public record LevelChange(MembershipKey membership, Option<LevelName> from, LevelName to, Direction direction,
                          String cause, Instant at) {

    public enum Direction { UP, DOWN, SET_BY_MERCHANT }

    public LevelChange {
        Objects.requireNonNull(membership, "membership");
        from = from == null ? Option.none() : from;
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
    }
}
