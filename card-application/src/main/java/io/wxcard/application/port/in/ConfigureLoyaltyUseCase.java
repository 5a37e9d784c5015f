package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.loyalty.LevelScheme;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.loyalty.NoticeSettings;
import io.wxcard.domain.loyalty.PointsRule;
import io.wxcard.domain.tenant.TenantId;

/**
 * A card's loyalty set-up (issue 17): its member levels, how purchases earn points (the card's {@code bonus_rule} is
 * brought in step on WeChat first, so a refusal there leaves everything as it was), and which changes notify members.
 * The domain checks each part when it is built (overlapping levels, a rule that could round a purchase to negative
 * points), so a command only ever carries a valid one.
 */
public interface ConfigureLoyaltyUseCase {

    Either<Failure, LoyaltyProgram> setLevels(TenantId tenantId, CardId cardId, LevelScheme levels);

    Either<Failure, LoyaltyProgram> setPointsRule(TenantId tenantId, CardId cardId, PointsRule rule);

    Either<Failure, LoyaltyProgram> setNotices(TenantId tenantId, CardId cardId, NoticeSettings notices);

    /** The card's set-up; one nobody configured has no levels, no points rule and WeChat's default notices. */
    Either<Failure, LoyaltyProgram> program(TenantId tenantId, CardId cardId);
}
