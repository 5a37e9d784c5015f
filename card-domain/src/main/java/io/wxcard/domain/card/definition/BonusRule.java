package io.wxcard.domain.card.definition;

import io.vavr.control.Option;

/**
 * WeChat's {@code bonus_rule}: how spending earns points and how points pay. Money amounts are integer fen.
 */
public record BonusRule(
        Option<Integer> costMoneyUnit,
        Option<Integer> increaseBonus,
        Option<Integer> maxIncreaseBonus,
        Option<Integer> initIncreaseBonus,
        Option<Integer> costBonusUnit,
        Option<Integer> reduceMoney,
        Option<Integer> leastMoneyToUseBonus,
        Option<Integer> maxReduceBonus) {

    public BonusRule {
        costMoneyUnit = MemberCardDefinition.orNone(costMoneyUnit);
        increaseBonus = MemberCardDefinition.orNone(increaseBonus);
        maxIncreaseBonus = MemberCardDefinition.orNone(maxIncreaseBonus);
        initIncreaseBonus = MemberCardDefinition.orNone(initIncreaseBonus);
        costBonusUnit = MemberCardDefinition.orNone(costBonusUnit);
        reduceMoney = MemberCardDefinition.orNone(reduceMoney);
        leastMoneyToUseBonus = MemberCardDefinition.orNone(leastMoneyToUseBonus);
        maxReduceBonus = MemberCardDefinition.orNone(maxReduceBonus);
    }
}
