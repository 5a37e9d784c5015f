package io.wxcard.domain.loyalty;

import io.vavr.control.Option;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When members may move down: only at the end of a period the merchant sets (every {@code months} months from
 * {@code firstEnd}), so that a member who spends points keeps the level they earned until the period is over.
 * Promotion never waits for it.
 */
public record DemotionPeriod(int months, Instant firstEnd) {

    public static final int MAX_MONTHS = 36;

    public DemotionPeriod {
        Objects.requireNonNull(firstEnd, "first period end");
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("a demotion period is 1 to " + MAX_MONTHS + " months, got " + months);
        }
    }

    /** The latest period end at or before {@code now}; none before the first one. Months are counted in UTC. */
    public Option<Instant> lastEndAtOrBefore(Instant now) {
        if (now.isBefore(firstEnd)) {
            return Option.none();
        }
        ZonedDateTime first = firstEnd.atZone(ZoneOffset.UTC);
        long periods = java.time.temporal.ChronoUnit.MONTHS.between(first, now.atZone(ZoneOffset.UTC)) / months;
        return Option.of(first.plusMonths(periods * months).toInstant()); // whole months: never after now
    }
}
