package io.wxcard.adapter.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.BonusRule;
import io.wxcard.domain.card.definition.CustomCell;
import io.wxcard.domain.card.definition.CustomField;
import io.wxcard.domain.card.definition.DateInfo;
import io.wxcard.domain.card.definition.Link;
import io.wxcard.domain.card.definition.JumpActivation;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link MemberCardDefinition} to WeChat's {@code member_card} JSON and back. Written by hand rather than with
 * MapStruct: every domain record is built through its canonical constructor here, so a field added to the domain
 * does not compile until it is mapped, and {@code MemberCardMapperTest} round-trips a definition with every field set,
 * so a field dropped on the JSON side fails a test.
 */
final class MemberCardMapper {

    static final String MEMBER_CARD = "MEMBER_CARD";

    private MemberCardMapper() {}

    /** The body of {@code /card/create}. */
    static CardJson.CardEnvelope toCreate(MemberCardDefinition definition) {
        return new CardJson.CardEnvelope(new CardJson.CardBody(MEMBER_CARD, toJson(definition, false)));
    }

    /**
     * The {@code member_card} of {@code /card/update}: as on create, without what WeChat does not let an update
     * change ({@code brand_name}, {@code sku} - stock moves through {@code modifystock} - and {@code use_custom_code}).
     */
    static CardJson.MemberCard toUpdate(MemberCardDefinition definition) {
        return toJson(definition, true);
    }

    private static CardJson.MemberCard toJson(MemberCardDefinition d, boolean forUpdate) {
        List<CustomField> fields = d.customFields();
        if (fields.size() > 3) {
            throw new IllegalArgumentException("a member card has at most 3 custom fields, got " + fields.size());
        }
        return new CardJson.MemberCard(
                d.backgroundPicUrl().getOrNull(),
                baseInfo(d.baseInfo(), forUpdate),
                d.prerogative(),
                d.autoActivate(),
                d.wxActivate(),
                d.activateUrl().getOrNull(),
                d.supplyBonus(),
                d.bonusUrl().getOrNull(),
                d.supplyBalance(),
                d.balanceUrl().getOrNull(),
                fields.size() > 0 ? customField(fields.get(0)) : null,
                fields.size() > 1 ? customField(fields.get(1)) : null,
                fields.size() > 2 ? customField(fields.get(2)) : null,
                d.customCell1().map(c -> new CardJson.CustomCell(c.name(), c.tips(), c.url())).getOrNull(),
                d.bonusRule().map(MemberCardMapper::bonusRule).getOrNull(),
                d.discount().getOrNull(),
                d.bonusCleared().getOrNull(),
                d.bonusRules().getOrNull(),
                d.balanceRules().getOrNull(),
                d.jump().afterSubmit() ? Boolean.TRUE : null,
                d.jump().afterSubmitUrl().getOrNull(),
                d.jump().appBrandUserName().getOrNull(),
                d.jump().appBrandPass().getOrNull());
    }

    private static CardJson.BaseInfo baseInfo(BaseInfo b, boolean forUpdate) {
        if (b == null) {
            return null;
        }
        Option<Link> center = b.centerButton();
        Option<Link> custom = b.customUrl();
        Option<Link> promotion = b.promotionUrl();
        return new CardJson.BaseInfo(
                null,
                null,
                b.logoUrl(),
                b.codeType(),
                forUpdate ? null : b.brandName(),
                b.title(),
                b.color(),
                b.notice(),
                b.description(),
                b.servicePhone().getOrNull(),
                dateInfo(b.dateInfo()),
                forUpdate || b.skuQuantity() == null ? null : new CardJson.Sku(b.skuQuantity(), null),
                b.getLimit().getOrNull(),
                forUpdate ? null : b.useCustomCode(),
                b.canShare(),
                b.canGiveFriend(),
                b.locationIds().isEmpty() ? null : b.locationIds(),
                b.useAllLocations(),
                center.map(Link::name).getOrNull(),
                center.flatMap(Link::subTitle).getOrNull(),
                center.map(Link::url).getOrNull(),
                custom.map(Link::name).getOrNull(),
                custom.map(Link::url).getOrNull(),
                custom.flatMap(Link::subTitle).getOrNull(),
                promotion.map(Link::name).getOrNull(),
                promotion.map(Link::url).getOrNull(),
                promotion.flatMap(Link::subTitle).getOrNull(),
                null,
                null);
    }

    private static CardJson.DateInfo dateInfo(DateInfo d) {
        return d == null ? null : new CardJson.DateInfo(d.type(), d.beginTimestamp().getOrNull(),
                d.endTimestamp().getOrNull(), d.fixedTerm().getOrNull(), d.fixedBeginTerm().getOrNull());
    }

    private static CardJson.CustomField customField(CustomField f) {
        return new CardJson.CustomField(f.nameType().getOrNull(), f.name().getOrNull(), f.url().getOrNull());
    }

    private static CardJson.BonusRule bonusRule(BonusRule r) {
        return new CardJson.BonusRule(r.costMoneyUnit().getOrNull(), r.increaseBonus().getOrNull(),
                r.maxIncreaseBonus().getOrNull(), r.initIncreaseBonus().getOrNull(), r.costBonusUnit().getOrNull(),
                r.reduceMoney().getOrNull(), r.leastMoneyToUseBonus().getOrNull(), r.maxReduceBonus().getOrNull());
    }

    // ---- WeChat's JSON back to the domain (reconstitution: what WeChat holds, no creation rules applied) --------

    /** The definition WeChat holds, as {@code /card/get} shows it; tolerant of absent fields and lists. */
    static MemberCardDefinition fromJson(CardJson.MemberCard m) {
        List<CustomField> fields = new ArrayList<>();
        for (CardJson.CustomField f : new CardJson.CustomField[] {m.customField1(), m.customField2(), m.customField3()}) {
            if (f != null) {
                fields.add(new CustomField(Option.of(f.nameType()), Option.of(f.name()), Option.of(f.url())));
            }
        }
        return new MemberCardDefinition(
                m.baseInfo() == null ? null : baseInfo(m.baseInfo()),
                Option.of(m.backgroundPicUrl()),
                m.prerogative(),
                isTrue(m.autoActivate()),
                isTrue(m.wxActivate()),
                Option.of(m.activateUrl()).filter(url -> !url.isBlank()),
                isTrue(m.supplyBonus()),
                Option.of(m.bonusUrl()),
                isTrue(m.supplyBalance()),
                Option.of(m.balanceUrl()),
                fields,
                Option.of(m.customCell1()).map(c -> new CustomCell(c.name(), c.tips(), c.url())),
                Option.of(m.bonusRule()).map(r -> new BonusRule(Option.of(r.costMoneyUnit()),
                        Option.of(r.increaseBonus()), Option.of(r.maxIncreaseBonus()), Option.of(r.initIncreaseBonus()),
                        Option.of(r.costBonusUnit()), Option.of(r.reduceMoney()), Option.of(r.leastMoneyToUseBonus()),
                        Option.of(r.maxReduceBonus()))),
                Option.of(m.discount()),
                Option.of(m.bonusCleared()),
                Option.of(m.bonusRules()),
                Option.of(m.balanceRules()),
                new JumpActivation(isTrue(m.wxActivateAfterSubmit()), text(m.wxActivateAfterSubmitUrl()),
                        text(m.activateAppBrandUserName()), text(m.activateAppBrandPass())));
    }

    /** WeChat answers an unset text field as "" as often as it leaves it out. */
    private static Option<String> text(String value) {
        return Option.of(value).filter(v -> !v.isBlank());
    }

    private static BaseInfo baseInfo(CardJson.BaseInfo b) {
        return new BaseInfo(
                b.logoUrl(),
                b.codeType(),
                b.brandName(),
                b.title(),
                b.color(),
                b.notice(),
                b.description(),
                Option.of(b.servicePhone()),
                b.dateInfo() == null ? null : new DateInfo(dateTypeName(b.dateInfo().type()),
                        Option.of(b.dateInfo().beginTimestamp()), Option.of(b.dateInfo().endTimestamp()),
                        Option.of(b.dateInfo().fixedTerm()), Option.of(b.dateInfo().fixedBeginTerm())),
                b.sku() == null ? null : b.sku().quantity(),
                Option.of(b.getLimit()),
                isTrue(b.useCustomCode()),
                isTrue(b.canShare()),
                isTrue(b.canGiveFriend()),
                b.locationIdList() == null ? List.of() : b.locationIdList(),
                isTrue(b.useAllLocations()),
                link(b.centerTitle(), b.centerSubTitle(), b.centerUrl()),
                link(b.customUrlName(), b.customUrlSubTitle(), b.customUrl()),
                link(b.promotionUrlName(), b.promotionUrlSubTitle(), b.promotionUrl()));
    }

    /**
     * WeChat names the date type in answers either as in requests or by number: 1 a fixed range, 2 a fixed term.
     * Anything else passes through unchanged.
     */
    static String dateTypeName(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.trim()) {
            case "1" -> DateInfo.FIX_TIME_RANGE;
            case "2" -> DateInfo.FIX_TERM;
            default -> type;
        };
    }

    private static Option<Link> link(String name, String subTitle, String url) {
        return name == null && url == null ? Option.none() : Option.of(new Link(name, Option.of(subTitle), url));
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
