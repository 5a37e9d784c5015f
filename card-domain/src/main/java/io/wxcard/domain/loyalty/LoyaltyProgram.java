package io.wxcard.domain.loyalty;

import io.vavr.control.Option;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A card's loyalty set-up: its levels, how purchases earn points, who hears of what. Each part is set on its own
 * (PUT levels, points rule, notices) and checked when it is set.
 *
 * @param lastReview the period end the levels were last reviewed at (demotions applied); none before the first
 */
public record LoyaltyProgram(TenantId tenantId, CardId cardId, Option<LevelScheme> levels, Option<PointsRule> pointsRule,
                             NoticeSettings notices, Option<Instant> lastReview) {

    public LoyaltyProgram {
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(cardId, "card id");
        levels = levels == null ? Option.none() : levels;
        pointsRule = pointsRule == null ? Option.none() : pointsRule;
        Objects.requireNonNull(notices, "notices");
        lastReview = lastReview == null ? Option.none() : lastReview;
    }

    public static LoyaltyProgram none(TenantId tenantId, CardId cardId) {
        return new LoyaltyProgram(tenantId, cardId, Option.none(), Option.none(), NoticeSettings.defaults(),
                Option.none());
    }

    public LoyaltyProgram withLevels(LevelScheme scheme) {
        return new LoyaltyProgram(tenantId, cardId, Option.of(scheme), pointsRule, notices, lastReview);
    }

    public LoyaltyProgram withPointsRule(PointsRule rule) {
        return new LoyaltyProgram(tenantId, cardId, levels, Option.of(rule), notices, lastReview);
    }

    public LoyaltyProgram withNotices(NoticeSettings settings) {
        return new LoyaltyProgram(tenantId, cardId, levels, pointsRule, settings, lastReview);
    }

    public LoyaltyProgram reviewedAt(Instant periodEnd) {
        return new LoyaltyProgram(tenantId, cardId, levels, pointsRule, notices, Option.of(periodEnd));
    }

    /** The period end a review is due for now: the latest one passed that the levels were not yet reviewed at. */
    public Option<Instant> reviewDue(Instant now) {
        return levels.flatMap(LevelScheme::demotion).flatMap(period -> period.lastEndAtOrBefore(now))
                .filter(end -> lastReview.forAll(last -> end.isAfter(last)));
    }
}
