package io.wxcard.application.service;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.in.ConfigureLoyaltyUseCase;
import io.wxcard.application.port.in.EditCardUseCase;
import io.wxcard.application.port.in.EditCardUseCase.EditCardCommand;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.LoyaltyProgramStore;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.definition.BonusRule;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.loyalty.LevelScheme;
import io.wxcard.domain.loyalty.LoyaltyProgram;
import io.wxcard.domain.loyalty.NoticeSettings;
import io.wxcard.domain.loyalty.PointsRule;
import io.wxcard.domain.tenant.TenantId;
import java.util.function.UnaryOperator;

/**
 * Sets a card's loyalty set-up. A points rule changes what the card tells members ({@code bonus_rule}, and
 * {@code bonus_cleared} for expiry), so the card is edited first, through WeChat when it is there: if WeChat refuses,
 * the rule is not saved either.
 */
final class LoyaltyConfigService implements ConfigureLoyaltyUseCase {

    private static final BonusRule NO_BONUS_RULE = new BonusRule(Option.none(), Option.none(), Option.none(),
            Option.none(), Option.none(), Option.none(), Option.none(), Option.none());

    private final LoyaltyProgramStore programs;
    private final EditCardUseCase cards;
    private final Lookups lookups;
    private final UnitOfWork unitOfWork;

    LoyaltyConfigService(LoyaltyProgramStore programs, EditCardUseCase cards, Lookups lookups, UnitOfWork unitOfWork) {
        this.programs = programs;
        this.cards = cards;
        this.lookups = lookups;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Either<Failure, LoyaltyProgram> setLevels(TenantId tenantId, CardId cardId, LevelScheme levels) {
        return change(tenantId, cardId, program -> program.withLevels(levels));
    }

    @Override
    public Either<Failure, LoyaltyProgram> setPointsRule(TenantId tenantId, CardId cardId, PointsRule rule) {
        return lookups.card(tenantId, cardId)
                .flatMap(card -> sameRule(card.definition(), rule) ? Either.right(card)
                        : cards.edit(new EditCardCommand(tenantId, cardId, withRule(card.definition(), rule))))
                .flatMap(edited -> change(tenantId, cardId, program -> program.withPointsRule(rule)));
    }

    @Override
    public Either<Failure, LoyaltyProgram> setNotices(TenantId tenantId, CardId cardId, NoticeSettings notices) {
        return change(tenantId, cardId, program -> program.withNotices(notices));
    }

    @Override
    public Either<Failure, LoyaltyProgram> program(TenantId tenantId, CardId cardId) {
        return lookups.card(tenantId, cardId).map(card -> programs.find(tenantId, cardId)
                .getOrElse(() -> LoyaltyProgram.none(tenantId, cardId)));
    }

    private Either<Failure, LoyaltyProgram> change(TenantId tenantId, CardId cardId,
                                                   UnaryOperator<LoyaltyProgram> change) {
        return unitOfWork.run("loyalty of card " + cardId, () -> program(tenantId, cardId).map(program -> {
            LoyaltyProgram changed = change.apply(program);
            programs.save(changed);
            return changed;
        }));
    }

    /** Whether the card already says what the rule says: then WeChat is not asked to change anything. */
    private static boolean sameRule(MemberCardDefinition definition, PointsRule rule) {
        return withRule(definition, rule).equals(definition);
    }

    /** The card's definition with the rule's {@code bonus_rule} and, when points expire, its {@code bonus_cleared}. */
    static MemberCardDefinition withRule(MemberCardDefinition d, PointsRule rule) {
        return new MemberCardDefinition(d.baseInfo(), d.backgroundPicUrl(), d.prerogative(), d.autoActivate(),
                d.wxActivate(), d.activateUrl(), d.supplyBonus(), d.bonusUrl(), d.supplyBalance(), d.balanceUrl(),
                d.customFields(), d.customCell1(), Option.of(rule.onto(d.bonusRule().getOrElse(NO_BONUS_RULE))),
                d.discount(), cleared(rule).orElse(d.bonusCleared()), d.bonusRules(), d.balanceRules());
    }

    private static Option<String> cleared(PointsRule rule) {
        return rule.expiry().map(expiry -> "积分自获得之日起 " + expiry.days() + " 天后过期");
    }
}
