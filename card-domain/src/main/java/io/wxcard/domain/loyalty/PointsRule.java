package io.wxcard.domain.loyalty;

import static io.wxcard.domain.shared.RejectionCode.POINTS_RULE_INVALID;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.domain.card.definition.BonusRule;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.ledger.Points;
import io.wxcard.domain.ledger.WechatRange;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * How a purchase earns points: {@code pointsPerUnit} points for every whole {@code spendUnit} spent, rounded down
 * (a purchase of 199 fen with a unit of 100 fen earns one unit's points, never two), at most {@code maxPerPurchase}
 * (none: no cap); points expire {@code expiry} after they were earned (none: never). These are WeChat's
 * {@code bonus_rule} {@code cost_money_unit} / {@code increase_bonus} / {@code max_increase_bonus}, which the card
 * shows to members, so {@link #onto(BonusRule)} keeps the card in step.
 */
public record PointsRule(Fen spendUnit, long pointsPerUnit, Option<Points> maxPerPurchase, Option<PointsExpiry> expiry) {

    /** Rounding down is the only rounding that never gives more than a whole unit earns, and never less than 0. */
    public static final String ROUNDING = "down to whole spend units";

    public PointsRule {
        maxPerPurchase = maxPerPurchase == null ? Option.none() : maxPerPurchase;
        expiry = expiry == null ? Option.none() : expiry;
        if (!problems(spendUnit, pointsPerUnit, maxPerPurchase).isEmpty()) {
            throw new IllegalArgumentException(problems(spendUnit, pointsPerUnit, maxPerPurchase).get(0).message());
        }
    }

    /**
     * Checks the rule as the merchant sets it. A rule whose points per unit are 0 or less could turn a purchase into
     * no points or a negative number of them (taking points for spending money), so it is refused.
     */
    public static Either<Rejection, PointsRule> of(Fen spendUnit, long pointsPerUnit, Option<Points> maxPerPurchase,
                                                   Option<PointsExpiry> expiry) {
        List<Problem> problems = problems(spendUnit, pointsPerUnit, maxPerPurchase);
        return problems.isEmpty() ? Either.right(new PointsRule(spendUnit, pointsPerUnit, maxPerPurchase, expiry))
                : Either.left(Rejection.invalid(POINTS_RULE_INVALID, "the points rule cannot be set as given: "
                        + problems.get(0).message() + "; nothing was changed", problems));
    }

    private static List<Problem> problems(Fen spendUnit, long pointsPerUnit, Option<Points> maxPerPurchase) {
        List<Problem> problems = new ArrayList<>();
        if (spendUnit == null || spendUnit.value() <= 0 || spendUnit.value() > Integer.MAX_VALUE) {
            problems.add(new Problem("spend_unit_fen", "the spend that earns points is 1 to " + Integer.MAX_VALUE
                    + " fen, got " + (spendUnit == null ? "none" : spendUnit.value())));
        }
        if (pointsPerUnit <= 0 || pointsPerUnit > Integer.MAX_VALUE) {
            problems.add(new Problem("points_per_unit", "points per spend unit must be 1 to " + Integer.MAX_VALUE
                    + ", got " + pointsPerUnit + ": a rule of 0 or less could round a purchase to no or negative "
                    + "points"));
        }
        if (maxPerPurchase.exists(max -> max.value() <= 0 || max.value() > Integer.MAX_VALUE)) {
            problems.add(new Problem("max_points_per_purchase", "a cap is 1 to " + Integer.MAX_VALUE
                    + " points, got " + maxPerPurchase.get().value()));
        }
        return problems;
    }

    /** The points a purchase earns: whole units only (rounded down), capped; never negative. */
    public Points pointsFor(Fen purchase) {
        if (purchase.value() <= 0) {
            return Points.ZERO;
        }
        long units = purchase.value() / spendUnit.value();
        long points = units > WechatRange.MAX / pointsPerUnit ? WechatRange.MAX : units * pointsPerUnit;
        return Points.of(maxPerPurchase.map(max -> Math.min(max.value(), points)).getOrElse(points));
    }

    /** The card's {@code bonus_rule} with this rule's earning part; how points pay is left as it was. */
    public BonusRule onto(BonusRule current) {
        return new BonusRule(Option.of((int) spendUnit.value()), Option.of((int) pointsPerUnit),
                maxPerPurchase.map(max -> (int) max.value()), current.initIncreaseBonus(), current.costBonusUnit(),
                current.reduceMoney(), current.leastMoneyToUseBonus(), current.maxReduceBonus());
    }
}
