package io.wxcard.domain.card.definition;

import io.vavr.control.Option;
import java.util.List;

/**
 * A member card's design as WeChat's {@code member_card} object describes it, field for field.
 *
 * <p>This is the definition as a merchant submits it: it may still break WeChat's rules (a required field missing,
 * shown as {@code null}; a title too long; two activation modes). {@link CardDefinitionRules} lists everything wrong
 * with it at once, and a {@code Card} only ever holds a definition that passed.
 *
 * @param activateUrl the merchant's own activation page; with {@code autoActivate} and {@code wxActivate} exactly one
 *                    of the three activation modes must be chosen
 * @param jump        where the member goes to activate beyond the mode (merchant's page after the form, mini program)
 */
public record MemberCardDefinition(
        BaseInfo baseInfo,
        Option<String> backgroundPicUrl,
        String prerogative,
        boolean autoActivate,
        boolean wxActivate,
        Option<String> activateUrl,
        boolean supplyBonus,
        Option<String> bonusUrl,
        boolean supplyBalance,
        Option<String> balanceUrl,
        List<CustomField> customFields,
        Option<CustomCell> customCell1,
        Option<BonusRule> bonusRule,
        Option<Integer> discount,
        Option<String> bonusCleared,
        Option<String> bonusRules,
        Option<String> balanceRules,
        JumpActivation jump) {

    public MemberCardDefinition {
        jump = jump == null ? JumpActivation.NONE : jump;
        customFields = customFields == null ? List.of() : List.copyOf(customFields);
        backgroundPicUrl = orNone(backgroundPicUrl);
        activateUrl = orNone(activateUrl);
        bonusUrl = orNone(bonusUrl);
        balanceUrl = orNone(balanceUrl);
        customCell1 = orNone(customCell1);
        bonusRule = orNone(bonusRule);
        discount = orNone(discount);
        bonusCleared = orNone(bonusCleared);
        bonusRules = orNone(bonusRules);
        balanceRules = orNone(balanceRules);
    }

    /** A definition that sends the member nowhere beyond its activation mode ({@link JumpActivation#NONE}). */
    public MemberCardDefinition(BaseInfo baseInfo, Option<String> backgroundPicUrl, String prerogative,
                                boolean autoActivate, boolean wxActivate, Option<String> activateUrl,
                                boolean supplyBonus, Option<String> bonusUrl, boolean supplyBalance,
                                Option<String> balanceUrl, List<CustomField> customFields,
                                Option<CustomCell> customCell1, Option<BonusRule> bonusRule, Option<Integer> discount,
                                Option<String> bonusCleared, Option<String> bonusRules, Option<String> balanceRules) {
        this(baseInfo, backgroundPicUrl, prerogative, autoActivate, wxActivate, activateUrl, supplyBonus, bonusUrl,
                supplyBalance, balanceUrl, customFields, customCell1, bonusRule, discount, bonusCleared, bonusRules,
                balanceRules, JumpActivation.NONE);
    }

    /** The activation mode, for a definition that passed the rules (exactly one mode is chosen). */
    public ActivationMode activationMode() {
        if (autoActivate) {
            return ActivationMode.AUTO;
        }
        if (wxActivate) {
            return ActivationMode.ONE_CLICK_FORM;
        }
        return ActivationMode.MERCHANT_PAGE;
    }

    /**
     * Whether another definition shows the same card to a member: the same brand, title, logo, colour, code type,
     * notice, description and privileges. Stock and links may differ (WeChat reports stock as it runs down).
     */
    public boolean showsTheSameCardAs(MemberCardDefinition other) {
        BaseInfo mine = baseInfo;
        BaseInfo theirs = other.baseInfo();
        return mine != null && theirs != null
                && java.util.Objects.equals(mine.brandName(), theirs.brandName())
                && java.util.Objects.equals(mine.title(), theirs.title())
                && java.util.Objects.equals(mine.logoUrl(), theirs.logoUrl())
                && java.util.Objects.equals(mine.color(), theirs.color())
                && java.util.Objects.equals(mine.codeType(), theirs.codeType())
                && java.util.Objects.equals(mine.notice(), theirs.notice())
                && java.util.Objects.equals(mine.description(), theirs.description())
                && java.util.Objects.equals(prerogative, other.prerogative());
    }

    static <T> Option<T> orNone(Option<T> value) {
        return value == null ? Option.none() : value;
    }
}
