package io.wxcard.adapter.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import io.vavr.control.Option;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.BonusRule;
import io.wxcard.domain.card.definition.CardDefinitionRules;
import io.wxcard.domain.card.definition.CustomCell;
import io.wxcard.domain.card.definition.CustomField;
import io.wxcard.domain.card.definition.DateInfo;
import io.wxcard.domain.card.definition.Link;
import io.wxcard.domain.card.definition.JumpActivation;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.shared.RejectionCode;
import java.util.ArrayList;
import java.util.List;

/**
 * WeChat's own {@code {"card":{"card_type":"MEMBER_CARD","member_card":{...}}}} (wechat-api.md section 3), field for
 * field, both ways: what {@code POST /v1/cards} takes, {@code PATCH} merges onto, and {@code GET} shows. Fields WeChat
 * has but this platform does not keep (advanced_info, ...) are refused as unknown rather than silently dropped.
 */
final class CardDefinitionJson {

    static final String MEMBER_CARD = "MEMBER_CARD";

    private CardDefinitionJson() {}

    /** The body of {@code POST /v1/cards}, and the document {@code PATCH} merges onto. */
    @Schema(description = "A member card in WeChat's own card/create shape.")
    record CardDocument(@Schema(description = "The card, as WeChat's card/create takes it.", requiredMode = REQUIRED) CardJson card) {}

    record CardJson(@Schema(description = "Always MEMBER_CARD.", requiredMode = REQUIRED) String cardType, @Schema(requiredMode = REQUIRED) MemberCardJson memberCard) {}

    @Schema(description = "WeChat's member_card object.")
    record MemberCardJson(
            String backgroundPicUrl,
            @Schema(requiredMode = REQUIRED) BaseInfoJson baseInfo,
            @Schema(requiredMode = REQUIRED) String prerogative,
            @Schema(description = "One of auto_activate, wx_activate, activate_url must be chosen; absent means false.") Boolean autoActivate,
            Boolean wxActivate,
            String activateUrl,
            @Schema(requiredMode = REQUIRED) Boolean supplyBonus,
            String bonusUrl,
            @Schema(requiredMode = REQUIRED) Boolean supplyBalance,
            String balanceUrl,
            CustomFieldJson customField1,
            CustomFieldJson customField2,
            CustomFieldJson customField3,
            CustomCellJson customCell1,
            BonusRuleJson bonusRule,
            @Schema(description = "Percentage off, 0-99.") Integer discount,
            String bonusCleared,
            String bonusRules,
            String balanceRules,
            @Schema(description = "With wx_activate: after WeChat's form, send the member to "
                    + "wx_activate_after_submit_url instead of activating (the page then opens an activation session)")
            Boolean wxActivateAfterSubmit,
            @Schema(description = "The merchant's page after WeChat's form; given alone it also hands over.")
            String wxActivateAfterSubmitUrl,
            @Schema(description = "A mini program (gh_...@app, bound to the account) opened instead of activate_url.")
            String activateAppBrandUserName,
            @Schema(description = "The mini program's page.") String activateAppBrandPass) {}

    @Schema(description = "WeChat's base_info object. Absent booleans are false.")
    record BaseInfoJson(
            @Schema(requiredMode = REQUIRED) String logoUrl,
            @Schema(requiredMode = REQUIRED) String codeType,
            @Schema(requiredMode = REQUIRED) String brandName,
            @Schema(requiredMode = REQUIRED) String title,
            @Schema(requiredMode = REQUIRED) String color,
            @Schema(requiredMode = REQUIRED) String notice,
            @Schema(requiredMode = REQUIRED) String description,
            String servicePhone,
            @Schema(requiredMode = REQUIRED) DateInfoJson dateInfo,
            @Schema(requiredMode = REQUIRED) SkuJson sku,
            Integer getLimit,
            Boolean useCustomCode,
            Boolean canShare,
            Boolean canGiveFriend,
            List<Long> locationIdList,
            Boolean useAllLocations,
            String centerTitle,
            String centerSubTitle,
            String centerUrl,
            String customUrlName,
            String customUrl,
            String customUrlSubTitle,
            String promotionUrlName,
            String promotionUrl,
            String promotionUrlSubTitle) {}

    record DateInfoJson(
            @Schema(description = "DATE_TYPE_PERMANENT, DATE_TYPE_FIX_TIME_RANGE or DATE_TYPE_FIX_TERM.", requiredMode = REQUIRED) String type,
            Long beginTimestamp, Long endTimestamp, Integer fixedTerm, Integer fixedBeginTerm) {}

    record SkuJson(@Schema(description = "The stock.", requiredMode = REQUIRED) Long quantity) {}

    record CustomFieldJson(String nameType, String name, String url) {}

    record CustomCellJson(@Schema(requiredMode = REQUIRED) String name, @Schema(requiredMode = REQUIRED) String tips, @Schema(requiredMode = REQUIRED) String url) {}

    record BonusRuleJson(Integer costMoneyUnit, Integer increaseBonus, Integer maxIncreaseBonus,
                         Integer initIncreaseBonus, Integer costBonusUnit, Integer reduceMoney,
                         Integer leastMoneyToUseBonus, Integer maxReduceBonus) {}

    // ---- JSON -> domain -----------------------------------------------------------------------------------------

    /**
     * The definition the document describes. What the domain cannot even hold (a missing {@code card_type}, a
     * missing {@code supply_bonus}) is answered 422 together with everything the domain's rules find, so the caller
     * sees every problem at once; the rest is for the use case to judge.
     */
    static MemberCardDefinition toDomain(CardDocument document) {
        Checks checks = new Checks();
        CardJson card = checks.required("card", document.card());
        MemberCardJson member = null;
        if (card != null) {
            String type = checks.required("card.card_type", card.cardType());
            if (type != null && !type.equals(MEMBER_CARD)) {
                checks.add("card.card_type", "must be " + MEMBER_CARD + "; this API manages member cards only, got " + type);
            }
            member = checks.required("card.member_card", card.memberCard());
        }
        MemberCardDefinition definition = member == null ? null : definitionOf(member, checks);
        if (!checks.isEmpty()) {
            if (definition != null) {
                CardDefinitionRules.problemsOf(definition).forEach(p -> checks.add("card." + p.field(), p.message()));
            }
            checks.answerIfAny(RejectionCode.CARD_DEFINITION_INVALID, "the card breaks WeChat's rules");
        }
        return definition;
    }

    private static MemberCardDefinition definitionOf(MemberCardJson m, Checks checks) {
        String at = "card.member_card.";
        checks.required(at + "supply_bonus", m.supplyBonus());
        checks.required(at + "supply_balance", m.supplyBalance());
        List<CustomField> customFields = new ArrayList<>();
        CustomFieldJson[] given = {m.customField1(), m.customField2(), m.customField3()};
        for (int i = 0; i < given.length; i++) {
            if (given[i] == null) {
                continue;
            }
            if (customFields.size() != i) {
                checks.add(at + "custom_field" + (i + 1), "custom_field" + (customFields.size() + 1)
                        + " must be given before custom_field" + (i + 1) + "; number them from 1 without gaps");
            }
            customFields.add(new CustomField(Option.of(given[i].nameType()), Option.of(given[i].name()),
                    Option.of(given[i].url())));
        }
        return new MemberCardDefinition(
                baseInfoOf(m.baseInfo()),
                Option.of(m.backgroundPicUrl()),
                m.prerogative(),
                isTrue(m.autoActivate()),
                isTrue(m.wxActivate()),
                Option.of(m.activateUrl()),
                isTrue(m.supplyBonus()),
                Option.of(m.bonusUrl()),
                isTrue(m.supplyBalance()),
                Option.of(m.balanceUrl()),
                customFields,
                Option.of(m.customCell1()).map(c -> new CustomCell(c.name(), c.tips(), c.url())),
                Option.of(m.bonusRule()).map(r -> new BonusRule(Option.of(r.costMoneyUnit()),
                        Option.of(r.increaseBonus()), Option.of(r.maxIncreaseBonus()), Option.of(r.initIncreaseBonus()),
                        Option.of(r.costBonusUnit()), Option.of(r.reduceMoney()), Option.of(r.leastMoneyToUseBonus()),
                        Option.of(r.maxReduceBonus()))),
                Option.of(m.discount()),
                Option.of(m.bonusCleared()),
                Option.of(m.bonusRules()),
                Option.of(m.balanceRules()),
                new JumpActivation(isTrue(m.wxActivateAfterSubmit()), Option.of(m.wxActivateAfterSubmitUrl()),
                        Option.of(m.activateAppBrandUserName()), Option.of(m.activateAppBrandPass())));
    }

    private static BaseInfo baseInfoOf(BaseInfoJson b) {
        if (b == null) {
            return null;
        }
        DateInfo dateInfo = b.dateInfo() == null ? null : new DateInfo(b.dateInfo().type(),
                Option.of(b.dateInfo().beginTimestamp()), Option.of(b.dateInfo().endTimestamp()),
                Option.of(b.dateInfo().fixedTerm()), Option.of(b.dateInfo().fixedBeginTerm()));
        return new BaseInfo(b.logoUrl(), b.codeType(), b.brandName(), b.title(), b.color(), b.notice(),
                b.description(), Option.of(b.servicePhone()), dateInfo, b.sku() == null ? null : b.sku().quantity(),
                Option.of(b.getLimit()), isTrue(b.useCustomCode()), isTrue(b.canShare()), isTrue(b.canGiveFriend()),
                b.locationIdList() == null ? List.of() : b.locationIdList(), isTrue(b.useAllLocations()),
                linkOf(b.centerTitle(), b.centerSubTitle(), b.centerUrl()),
                linkOf(b.customUrlName(), b.customUrlSubTitle(), b.customUrl()),
                linkOf(b.promotionUrlName(), b.promotionUrlSubTitle(), b.promotionUrl()));
    }

    private static Option<Link> linkOf(String name, String subTitle, String url) {
        return name == null && subTitle == null && url == null
                ? Option.none()
                : Option.of(new Link(name, Option.of(subTitle), url));
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    // ---- domain -> JSON -----------------------------------------------------------------------------------------

    static CardDocument fromDomain(MemberCardDefinition d) {
        return new CardDocument(new CardJson(MEMBER_CARD, memberCardOf(d)));
    }

    private static MemberCardJson memberCardOf(MemberCardDefinition d) {
        List<CustomFieldJson> fields = d.customFields().stream()
                .map(f -> new CustomFieldJson(f.nameType().getOrNull(), f.name().getOrNull(), f.url().getOrNull()))
                .toList();
        return new MemberCardJson(
                d.backgroundPicUrl().getOrNull(),
                baseInfoJsonOf(d.baseInfo()),
                d.prerogative(),
                d.autoActivate(),
                d.wxActivate(),
                d.activateUrl().getOrNull(),
                d.supplyBonus(),
                d.bonusUrl().getOrNull(),
                d.supplyBalance(),
                d.balanceUrl().getOrNull(),
                fields.size() > 0 ? fields.get(0) : null,
                fields.size() > 1 ? fields.get(1) : null,
                fields.size() > 2 ? fields.get(2) : null,
                d.customCell1().map(c -> new CustomCellJson(c.name(), c.tips(), c.url())).getOrNull(),
                d.bonusRule().map(r -> new BonusRuleJson(r.costMoneyUnit().getOrNull(), r.increaseBonus().getOrNull(),
                        r.maxIncreaseBonus().getOrNull(), r.initIncreaseBonus().getOrNull(),
                        r.costBonusUnit().getOrNull(), r.reduceMoney().getOrNull(),
                        r.leastMoneyToUseBonus().getOrNull(), r.maxReduceBonus().getOrNull())).getOrNull(),
                d.discount().getOrNull(),
                d.bonusCleared().getOrNull(),
                d.bonusRules().getOrNull(),
                d.balanceRules().getOrNull(),
                d.jump().afterSubmit() ? Boolean.TRUE : null,
                d.jump().afterSubmitUrl().getOrNull(),
                d.jump().appBrandUserName().getOrNull(),
                d.jump().appBrandPass().getOrNull());
    }

    private static BaseInfoJson baseInfoJsonOf(BaseInfo b) {
        DateInfo date = b.dateInfo();
        Option<Link> center = b.centerButton();
        Option<Link> custom = b.customUrl();
        Option<Link> promotion = b.promotionUrl();
        return new BaseInfoJson(b.logoUrl(), b.codeType(), b.brandName(), b.title(), b.color(), b.notice(),
                b.description(), b.servicePhone().getOrNull(),
                date == null ? null : new DateInfoJson(date.type(), date.beginTimestamp().getOrNull(),
                        date.endTimestamp().getOrNull(), date.fixedTerm().getOrNull(), date.fixedBeginTerm().getOrNull()),
                b.skuQuantity() == null ? null : new SkuJson(b.skuQuantity()),
                b.getLimit().getOrNull(), b.useCustomCode(), b.canShare(), b.canGiveFriend(),
                b.locationIds().isEmpty() ? null : b.locationIds(), b.useAllLocations(),
                center.map(Link::name).getOrNull(), center.flatMap(Link::subTitle).getOrNull(),
                center.map(Link::url).getOrNull(),
                custom.map(Link::name).getOrNull(), custom.map(Link::url).getOrNull(),
                custom.flatMap(Link::subTitle).getOrNull(),
                promotion.map(Link::name).getOrNull(), promotion.map(Link::url).getOrNull(),
                promotion.flatMap(Link::subTitle).getOrNull());
    }
}
