package io.wxcard.domain.loyalty;

import static io.wxcard.domain.shared.RejectionCode.LEVELS_INVALID;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A card's member levels, lowest first: the first is the base every member holds, each next one is reached with more
 * points or more lifetime spend, or is given by the merchant. Thresholds of one kind rise strictly with the levels, so
 * every standing belongs to exactly one level: an overlap (a higher level reached as soon as a lower one, or sooner)
 * is refused when the levels are set, never resolved silently.
 */
public final class LevelScheme {

    public static final int MAX_LEVELS = 10;

    private final List<MemberLevel> levels;
    private final Option<DemotionPeriod> demotion;

    private LevelScheme(List<MemberLevel> levels, Option<DemotionPeriod> demotion) {
        this.levels = List.copyOf(levels);
        this.demotion = Objects.requireNonNull(demotion, "demotion period");
    }

    /** Checks the levels as the merchant sets them; every problem is named, field by field. */
    public static Either<Rejection, LevelScheme> of(List<MemberLevel> levels, Option<DemotionPeriod> demotion) {
        List<Problem> problems = new ArrayList<>();
        if (levels.isEmpty() || levels.size() > MAX_LEVELS) {
            problems.add(new Problem("levels", "give 1 to " + MAX_LEVELS + " levels, lowest first; got " + levels.size()));
        } else if (!(levels.get(0).entry() instanceof LevelEntry.Base)) {
            problems.add(new Problem("levels[0].entry", "the first level is the base every member holds (entry BASE)"));
        }
        Set<LevelName> names = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            MemberLevel level = levels.get(i);
            if (!names.add(level.name())) {
                problems.add(new Problem("levels[" + i + "].name", "level " + level.name() + " is named twice"));
            }
            if (i > 0 && level.entry() instanceof LevelEntry.Base) {
                problems.add(new Problem("levels[" + i + "].entry", "only the first level is the base"));
            }
            if (level.entry() instanceof LevelEntry.Threshold t && t.points().isEmpty() && t.lifetimeSpend().isEmpty()) {
                problems.add(new Problem("levels[" + i + "].entry", "a threshold level needs points or lifetime spend"));
            }
        }
        rising(levels, t -> t.points().map(Points::value), "points", problems);
        rising(levels, t -> t.lifetimeSpend().map(Fen::value), "lifetime_spend_fen", problems);
        return problems.isEmpty() ? Either.right(new LevelScheme(levels, demotion))
                : Either.left(Rejection.invalid(LEVELS_INVALID, "the levels cannot be set as given: "
                        + problems.get(0).message() + "; nothing was changed", problems));
    }

    /** Rebuilds stored levels, skipping the checks they passed when they were set. */
    public static LevelScheme reconstitute(List<MemberLevel> levels, Option<DemotionPeriod> demotion) {
        return new LevelScheme(levels, demotion);
    }

    private static void rising(List<MemberLevel> levels, Function<LevelEntry.Threshold, Option<Long>> threshold,
                               String kind, List<Problem> problems) {
        Option<Long> highest = Option.none();
        String highestName = null;
        for (int i = 0; i < levels.size(); i++) {
            if (!(levels.get(i).entry() instanceof LevelEntry.Threshold t) || threshold.apply(t).isEmpty()) {
                continue;
            }
            long value = threshold.apply(t).get();
            String field = "levels[" + i + "].entry." + kind;
            if (value <= 0) {
                problems.add(new Problem(field, "a threshold above the base is more than 0, got " + value));
            } else if (highest.exists(h -> value <= h)) {
                problems.add(new Problem(field, "level " + levels.get(i).name() + " (" + kind + " " + value
                        + ") overlaps level " + highestName + " (" + kind + " " + highest.get() + ") below it: "
                        + "a higher level needs a higher threshold"));
            }
            if (highest.forAll(h -> value > h)) {
                highest = Option.of(value);
                highestName = levels.get(i).name().value();
            }
        }
    }

    public List<MemberLevel> levels() {
        return levels;
    }

    public Option<DemotionPeriod> demotion() {
        return demotion;
    }

    public MemberLevel base() {
        return levels.get(0);
    }

    public Option<MemberLevel> level(LevelName name) {
        return Option.ofOptional(levels.stream().filter(level -> level.name().equals(name)).findFirst());
    }

    /** The highest level the standing reaches on its own. */
    public MemberLevel qualifiedFor(Standing standing) {
        for (int i = levels.size() - 1; i > 0; i--) {
            if (levels.get(i).entry().heldBy(standing)) {
                return levels.get(i);
            }
        }
        return base();
    }

    /**
     * A promotion the standing earns now: to the highest level it reaches, when that is above the current one (or the
     * current one is no longer a level of the card).
     */
    public Option<LevelChange> promotion(MembershipKey member, Option<LevelName> current, Standing standing,
                                         String cause, Instant now) {
        MemberLevel qualified = qualifiedFor(standing);
        int currentRank = current.map(this::rank).getOrElse(-1);
        return rank(qualified.name()) > currentRank
                ? Option.of(new LevelChange(member, current, qualified.name(), LevelChange.Direction.UP, cause, now))
                : Option.none();
    }

    /**
     * A demotion at a period's end: to the level the standing still reaches, when that is below the current one. A
     * level the merchant gave is kept: only the merchant takes it back.
     */
    public Option<LevelChange> demotion(MembershipKey member, LevelName current, Standing standing, String cause,
                                        Instant now) {
        if (level(current).exists(level -> level.entry() instanceof LevelEntry.SetByMerchant)) {
            return Option.none();
        }
        MemberLevel qualified = qualifiedFor(standing);
        return rank(qualified.name()) < rank(current)
                ? Option.of(new LevelChange(member, Option.of(current), qualified.name(), LevelChange.Direction.DOWN,
                        cause, now))
                : Option.none();
    }

    private int rank(LevelName name) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LevelScheme scheme && scheme.levels.equals(levels) && scheme.demotion.equals(demotion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(levels, demotion);
    }

    @Override
    public String toString() {
        return "LevelScheme" + levels.stream().map(level -> level.name().value()).toList();
    }
}
