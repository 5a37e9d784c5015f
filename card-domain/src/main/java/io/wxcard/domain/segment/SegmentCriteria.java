package io.wxcard.domain.segment;

import io.vavr.control.Option;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which of a card's members belong to a segment: every criterion given must hold (none given: every member).
 *
 * @param minPoints        at least this many points
 * @param maxPoints        at most this many points
 * @param store            brought in by this store
 * @param activeWithinDays a ledger entry or store visit in the last this many days
 * @param imported         imported from the merchant's systems (true) or joined on WeChat (false)
 * @param level            at this level (read from the card's levels, where it has them)
 */
public record SegmentCriteria(Option<Long> minPoints, Option<Long> maxPoints, Option<StoreId> store,
                              Option<Integer> activeWithinDays, Option<Boolean> imported, Option<String> level) {

    /** A year: WeChat keeps no longer member history visible to us either, and a longer window selects everyone. */
    public static final int MAX_ACTIVE_WITHIN_DAYS = 366;

    public SegmentCriteria {
        Objects.requireNonNull(minPoints, "min points");
        Objects.requireNonNull(maxPoints, "max points");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(activeWithinDays, "active within days");
        Objects.requireNonNull(imported, "imported");
        Objects.requireNonNull(level, "level");
    }

    public static SegmentCriteria everyone() {
        return new SegmentCriteria(Option.none(), Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none());
    }

    /** Every criterion that cannot select anyone, named by its field (empty when the criteria are sound). */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        minPoints.filter(min -> min < 0).forEach(min -> problems.add(new Problem("min_points",
                "must be 0 or more, got " + min)));
        maxPoints.filter(max -> max < 0).forEach(max -> problems.add(new Problem("max_points",
                "must be 0 or more, got " + max)));
        if (minPoints.isDefined() && maxPoints.isDefined() && minPoints.get() > maxPoints.get()) {
            problems.add(new Problem("max_points", "must not be below min_points (" + minPoints.get() + ")"));
        }
        activeWithinDays.filter(days -> days < 1 || days > MAX_ACTIVE_WITHIN_DAYS).forEach(days -> problems.add(
                new Problem("active_within_days", "must be 1 to " + MAX_ACTIVE_WITHIN_DAYS + ", got " + days)));
        level.filter(String::isBlank).forEach(blank -> problems.add(new Problem("level", "must not be blank")));
        return problems;
    }

    public boolean selects(MemberFacts member, Instant now) {
        return minPoints.forAll(min -> member.points() >= min)
                && maxPoints.forAll(max -> member.points() <= max)
                && store.forAll(wanted -> member.store().contains(wanted))
                && activeWithinDays.forAll(days -> member.lastActivity()
                        .exists(at -> !at.isBefore(now.minus(Duration.ofDays(days)))))
                && imported.forAll(wanted -> member.imported() == wanted)
                && level.forAll(wanted -> member.level().contains(wanted));
    }
}
