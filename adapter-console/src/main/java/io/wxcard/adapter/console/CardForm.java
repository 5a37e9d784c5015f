package io.wxcard.adapter.console;

import io.javalin.http.Context;
import io.vavr.control.Option;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.CardDefinitionRules;
import io.wxcard.domain.card.definition.DateInfo;
import io.wxcard.domain.card.definition.JumpActivation;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.shared.RuleBreach;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The card editor's fields, as typed, and the card definition they make. The fields are the ones a merchant designs
 * the card with; everything else (stores, links, bonus rules, set through the API) is kept from the card as it was.
 * The domain's rules are the only judge: their problems are shown beside the field they name.
 */
record CardForm(String brandName, String title, String color, String logoUrl, String notice, String description,
                String prerogative, String codeType, String activation, String activateUrl, boolean supplyBonus,
                boolean supplyBalance, String quantity) {

    static final String AUTO = "auto";
    static final String ONE_CLICK = "wx";
    static final String MERCHANT_PAGE = "url";

    static CardForm blank() {
        return new CardForm("", "", "Color010", "https://mmbiz.qpic.cn/logo.png", "", "", "", "CODE_TYPE_QRCODE",
                AUTO, "", true, false, "1000");
    }

    static CardForm of(Context ctx) {
        return new CardForm(text(ctx, "brand_name"), text(ctx, "title"), text(ctx, "color"), text(ctx, "logo_url"),
                text(ctx, "notice"), text(ctx, "description"), text(ctx, "prerogative"), text(ctx, "code_type"),
                text(ctx, "activation"), text(ctx, "activate_url"), ctx.formParam("supply_bonus") != null,
                ctx.formParam("supply_balance") != null, text(ctx, "quantity"));
    }

    static CardForm of(MemberCardDefinition definition) {
        BaseInfo base = definition.baseInfo();
        String activation = definition.autoActivate() ? AUTO : definition.wxActivate() ? ONE_CLICK : MERCHANT_PAGE;
        return new CardForm(base.brandName(), base.title(), base.color(), base.logoUrl(), base.notice(),
                base.description(), definition.prerogative(), base.codeType(), activation,
                definition.activateUrl().getOrElse(""), definition.supplyBonus(), definition.supplyBalance(),
                String.valueOf(base.skuQuantity()));
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** The definition these fields make, on top of the card's current one (or WeChat's defaults for a new card). */
    MemberCardDefinition definition(Option<MemberCardDefinition> current) {
        Option<BaseInfo> was = current.map(MemberCardDefinition::baseInfo);
        BaseInfo base = new BaseInfo(orNull(logoUrl), orNull(codeType), orNull(brandName), orNull(title),
                orNull(color), orNull(notice), orNull(description), was.flatMap(BaseInfo::servicePhone),
                was.map(BaseInfo::dateInfo).getOrElse(DateInfo::permanent), quantityOrNull(),
                was.flatMap(BaseInfo::getLimit), was.exists(BaseInfo::useCustomCode),
                was.map(BaseInfo::canShare).getOrElse(true), was.exists(BaseInfo::canGiveFriend),
                was.map(BaseInfo::locationIds).getOrElse(List.of()), was.map(BaseInfo::useAllLocations).getOrElse(true),
                was.flatMap(BaseInfo::centerButton), was.flatMap(BaseInfo::customUrl),
                was.flatMap(BaseInfo::promotionUrl));
        Option<MemberCardDefinition> old = current;
        return new MemberCardDefinition(base, old.flatMap(MemberCardDefinition::backgroundPicUrl), orNull(prerogative),
                AUTO.equals(activation), ONE_CLICK.equals(activation),
                MERCHANT_PAGE.equals(activation) ? Option.of(activateUrl) : Option.none(), supplyBonus,
                old.flatMap(MemberCardDefinition::bonusUrl), supplyBalance, old.flatMap(MemberCardDefinition::balanceUrl),
                old.map(MemberCardDefinition::customFields).getOrElse(List.of()),
                old.flatMap(MemberCardDefinition::customCell1), old.flatMap(MemberCardDefinition::bonusRule),
                old.flatMap(MemberCardDefinition::discount), old.flatMap(MemberCardDefinition::bonusCleared),
                old.flatMap(MemberCardDefinition::bonusRules), old.flatMap(MemberCardDefinition::balanceRules),
                keptJump(old.map(MemberCardDefinition::jump).getOrElse(JumpActivation.NONE)));
    }

    /** What the form does not show of the jump activation: kept, but a hand-over only with the one-click form. */
    private JumpActivation keptJump(JumpActivation old) {
        return ONE_CLICK.equals(activation) ? old
                : new JumpActivation(false, Option.none(), old.appBrandUserName(), old.appBrandPass());
    }

    /**
     * Every problem, by the form field it belongs to (several for one field joined), in the operator's language: by
     * the rule the domain names ({@code problem.<rule>} in the word lists, with the rule's figures), never by the
     * domain's English message.
     */
    Map<String, String> problems(Option<MemberCardDefinition> current, Messages t) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (!quantity.isEmpty() && quantityOrNull() == null) {
            byField.put("quantity", t.get("problem.whole_number"));
        }
        for (RuleBreach breach : CardDefinitionRules.breachesOf(definition(current))) {
            byField.merge(fieldOf(breach.field()), t.format("problem." + breach.rule(), breach.arguments().toArray()),
                    (a, b) -> a + t.get("problem.separator") + b);
        }
        return byField;
    }

    /** The form field a problem's WeChat field name belongs to. */
    static String fieldOf(String wechatField) {
        String name = wechatField.replaceFirst("^member_card\\.(base_info\\.)?", "");
        return switch (name) {
            case "sku.quantity" -> "quantity";
            case "auto_activate", "activate_url" -> "activation";
            default -> name;
        };
    }

    private static final java.util.regex.Pattern PLAIN_URL = java.util.regex.Pattern.compile("https?://[^\\s\"'()\\\\<>]+");

    /**
     * The logo as a CSS background (a picture WeChat's CDN does not serve outside WeChat simply leaves the brand's
     * initial showing); only a plain http(s) URL is put into the style, so typed text cannot break out of it.
     */
    String logoStyle() {
        return PLAIN_URL.matcher(logoUrl).matches() ? "background-image:url('" + logoUrl + "')" : "";
    }

    /** The brand's first character, shown where the logo is until (or unless) the picture loads. */
    String brandInitial() {
        return brandName.isEmpty() ? "" : brandName.substring(0, brandName.offsetByCodePoints(0, 1));
    }

    String colourHex() {
        return Palette.hex(color);
    }

    private Long quantityOrNull() {
        try {
            return quantity.isEmpty() ? null : Long.valueOf(quantity);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String orNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
