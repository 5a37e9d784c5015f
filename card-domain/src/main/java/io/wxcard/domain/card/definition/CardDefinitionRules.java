package io.wxcard.domain.card.definition;

import io.vavr.control.Option;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.shared.Problem;
import io.wxcard.domain.shared.RuleBreach;
import io.wxcard.domain.shared.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * WeChat's rules for a member card, checked here so that an invalid card is refused before any call to WeChat, with
 * every problem listed at once. Limits are WeChat's (in characters; WeChat's byte limits divided by three, since it
 * counts a Chinese character as three bytes): title 9, brand_name 12, notice 16, description 1024, ...
 */
public final class CardDefinitionRules {

    public static final Set<String> PALETTE = Set.of(
            "Color010", "Color020", "Color030", "Color040", "Color050", "Color060", "Color070",
            "Color080", "Color081", "Color082", "Color090", "Color100", "Color101", "Color102");
    public static final Set<String> CODE_TYPES = Set.of(
            "CODE_TYPE_TEXT", "CODE_TYPE_BARCODE", "CODE_TYPE_QRCODE",
            "CODE_TYPE_ONLY_QRCODE", "CODE_TYPE_ONLY_BARCODE", "CODE_TYPE_NONE");
    public static final Set<String> FIELD_NAME_TYPES = Set.of(
            "FIELD_NAME_TYPE_LEVEL", "FIELD_NAME_TYPE_COUPON", "FIELD_NAME_TYPE_STAMP", "FIELD_NAME_TYPE_DISCOUNT",
            "FIELD_NAME_TYPE_ACHIEVEMEN", "FIELD_NAME_TYPE_MILEAGE", "FIELD_NAME_TYPE_SET_POINTS", "FIELD_NAME_TYPE_TIMS");
    public static final int MAX_CUSTOM_FIELDS = 3;
    public static final long MAX_SKU_QUANTITY = 100_000_000L;
    private static final int URL_LENGTH = 128;
    /** {@code activate_app_brand_user_name} / {@code _pass}: string(128) (FIDELITY.md section 17). */
    private static final int MAX_APP_BRAND_TEXT = 128;
    private static final String CARD = "member_card.";
    private static final String BASE = "member_card.base_info.";

    private CardDefinitionRules() {}

    /** Everything wrong with the definition; empty when WeChat would accept it. */
    public static List<Problem> problemsOf(MemberCardDefinition card) {
        return breachesOf(card).stream().map(RuleBreach::problem).toList();
    }

    /** The same problems, each with the rule it breaks named (for messages in the reader's language). */
    public static List<RuleBreach> breachesOf(MemberCardDefinition card) {
        var problems = new Problems();
        if (card == null) {
            problems.required("member_card");
            return problems.list;
        }
        checkBaseInfo(card.baseInfo(), problems);
        card.backgroundPicUrl().forEach(url -> problems.wechatImage(CARD + "background_pic_url", url));
        problems.requiredText(CARD + "prerogative", card.prerogative(), 1024);
        checkActivation(card, problems);
        problems.optionalUrl(CARD + "bonus_url", card.bonusUrl());
        problems.optionalUrl(CARD + "balance_url", card.balanceUrl());
        checkCustomFields(card.customFields(), problems);
        card.customCell1().forEach(cell -> {
            problems.requiredText(CARD + "custom_cell1.name", cell.name(), 5);
            problems.requiredText(CARD + "custom_cell1.tips", cell.tips(), 6);
            problems.requiredUrl(CARD + "custom_cell1.url", cell.url());
        });
        card.bonusRule().forEach(rule -> checkBonusRule(rule, problems));
        card.discount().forEach(discount -> {
            if (discount < 0 || discount > 99) {
                problems.add(CARD + "discount", "out_of_range", "must be a percentage off between 0 and 99 (10 means 10% off), got " + discount, 0, 99, discount);
            }
        });
        problems.optionalText(CARD + "bonus_cleared", card.bonusCleared(), 1024);
        problems.optionalText(CARD + "bonus_rules", card.bonusRules(), 1024);
        problems.optionalText(CARD + "balance_rules", card.balanceRules(), 1024);
        return problems.list;
    }

    private static void checkBaseInfo(BaseInfo base, Problems problems) {
        if (base == null) {
            problems.required("member_card.base_info");
            return;
        }
        problems.wechatImage(BASE + "logo_url", base.logoUrl());
        problems.oneOf(BASE + "code_type", base.codeType(), CODE_TYPES);
        problems.requiredText(BASE + "brand_name", base.brandName(), 12);
        problems.requiredText(BASE + "title", base.title(), 9);
        problems.oneOf(BASE + "color", base.color(), PALETTE);
        problems.requiredText(BASE + "notice", base.notice(), 16);
        problems.requiredText(BASE + "description", base.description(), 1024);
        problems.optionalText(BASE + "service_phone", base.servicePhone(), 24);
        checkDateInfo(base.dateInfo(), problems);
        if (base.skuQuantity() == null) {
            problems.required(BASE + "sku.quantity");
        } else if (base.skuQuantity() < 0 || base.skuQuantity() > MAX_SKU_QUANTITY) {
            problems.add(BASE + "sku.quantity", "out_of_range", "must be between 0 and " + MAX_SKU_QUANTITY + ", got "
                    + base.skuQuantity(), 0, MAX_SKU_QUANTITY, base.skuQuantity());
        }
        base.getLimit().forEach(limit -> {
            if (limit < 1) {
                problems.add(BASE + "get_limit", "at_least", "must be at least 1, got " + limit, 1, limit);
            }
        });
        for (int i = 0; i < base.locationIds().size(); i++) {
            Long id = base.locationIds().get(i);
            if (id == null || id <= 0) {
                problems.add(BASE + "location_id_list[" + i + "]", "at_least", "must be a positive store id", 1, id);
            }
        }
        base.centerButton().forEach(link -> checkLink("center_title", "center_sub_title", "center_url", link, 6, 8, problems));
        base.customUrl().forEach(link -> checkLink("custom_url_name", "custom_url_sub_title", "custom_url", link, 5, 6, problems));
        base.promotionUrl().forEach(link -> checkLink("promotion_url_name", "promotion_url_sub_title", "promotion_url", link, 5, 6, problems));
    }

    private static void checkLink(String nameField, String subTitleField, String urlField, Link link, int nameLength,
                                  int subTitleLength, Problems problems) {
        problems.requiredText(BASE + nameField, link.name(), nameLength);
        problems.optionalText(BASE + subTitleField, link.subTitle(), subTitleLength);
        problems.requiredUrl(BASE + urlField, link.url());
    }

    private static void checkDateInfo(DateInfo date, Problems problems) {
        String field = BASE + "date_info";
        if (date == null) {
            problems.required(field);
            return;
        }
        if (date.type() == null) {
            problems.required(field + ".type");
            return;
        }
        switch (date.type()) {
            case DateInfo.PERMANENT -> { }
            case DateInfo.FIX_TIME_RANGE -> {
                if (date.beginTimestamp().isEmpty()) {
                    problems.add(field + ".begin_timestamp", "required_with", "is required for " + DateInfo.FIX_TIME_RANGE,
                            DateInfo.FIX_TIME_RANGE);
                }
                if (date.endTimestamp().isEmpty()) {
                    problems.add(field + ".end_timestamp", "required_with", "is required for " + DateInfo.FIX_TIME_RANGE,
                            DateInfo.FIX_TIME_RANGE);
                }
                if (date.beginTimestamp().isDefined() && date.endTimestamp().isDefined()
                        && date.endTimestamp().get() <= date.beginTimestamp().get()) {
                    problems.add(field + ".end_timestamp", "not_after", "must be after begin_timestamp", "begin_timestamp");
                }
            }
            case DateInfo.FIX_TERM -> {
                if (date.fixedTerm().isEmpty() || date.fixedTerm().get() < 1) {
                    problems.add(field + ".fixed_term", "at_least", "must be at least 1 day for " + DateInfo.FIX_TERM, 1,
                            date.fixedTerm().getOrElse(0));
                }
                if (date.fixedBeginTerm().exists(days -> days < 0)) {
                    problems.add(field + ".fixed_begin_term", "not_negative", "must not be negative",
                            date.fixedBeginTerm().get());
                }
            }
            default -> problems.add(field + ".type", "not_one_of", "must be one of " + DateInfo.PERMANENT + ", "
                    + DateInfo.FIX_TIME_RANGE + ", " + DateInfo.FIX_TERM + ", got " + date.type(), date.type());
        }
    }

    private static void checkActivation(MemberCardDefinition card, Problems problems) {
        int modes = (card.autoActivate() ? 1 : 0) + (card.wxActivate() ? 1 : 0) + (card.activateUrl().isDefined() ? 1 : 0);
        if (modes != 1) {
            problems.add(CARD + "auto_activate", "one_activation_mode",
                    "choose exactly one activation mode: auto_activate, wx_activate or activate_url (" + modes + " chosen)",
                    modes);
        }
        problems.optionalUrl(CARD + "activate_url", card.activateUrl());
        JumpActivation jump = card.jump();
        problems.optionalUrl(CARD + "wx_activate_after_submit_url", jump.afterSubmitUrl());
        if (jump.handsOverAfterForm() && !card.wxActivate()) {
            problems.add(CARD + "wx_activate_after_submit", "required_with", "hands over after WeChat's one-click "
                    + "form, so it needs wx_activate", "wx_activate");
        }
        if (jump.afterSubmit() && jump.afterSubmitUrl().isEmpty()) {
            problems.add(CARD + "wx_activate_after_submit_url", "required_with", "is required with "
                    + "wx_activate_after_submit: the page WeChat sends the member to after the form",
                    "wx_activate_after_submit");
        }
        jump.appBrandUserName().filter(name -> name.length() > MAX_APP_BRAND_TEXT).forEach(name -> problems.add(
                CARD + "activate_app_brand_user_name", "too_long", "at most " + MAX_APP_BRAND_TEXT + " characters",
                MAX_APP_BRAND_TEXT, name.length()));
        jump.appBrandPass().filter(path -> path.length() > MAX_APP_BRAND_TEXT).forEach(path -> problems.add(
                CARD + "activate_app_brand_pass", "too_long", "at most " + MAX_APP_BRAND_TEXT + " characters",
                MAX_APP_BRAND_TEXT, path.length()));
        if (jump.appBrandPass().isDefined() && jump.appBrandUserName().isEmpty()) {
            problems.add(CARD + "activate_app_brand_user_name", "required_with", "is required with "
                    + "activate_app_brand_pass: the mini program whose page it is", "activate_app_brand_pass");
        }
    }

    private static void checkCustomFields(List<CustomField> fields, Problems problems) {
        if (fields.size() > MAX_CUSTOM_FIELDS) {
            problems.add(CARD + "custom_field" + (MAX_CUSTOM_FIELDS + 1), "too_many",
                    "a card has at most " + MAX_CUSTOM_FIELDS + " custom fields, got " + fields.size(),
                    MAX_CUSTOM_FIELDS, fields.size());
        }
        for (int i = 0; i < fields.size(); i++) {
            String field = CARD + "custom_field" + (i + 1);
            CustomField custom = fields.get(i);
            if (custom.nameType().isDefined() == custom.name().isDefined()) {
                problems.add(field, "one_of_two", "give exactly one of name_type and name", "name_type", "name");
            }
            custom.nameType().forEach(type -> problems.oneOf(field + ".name_type", type, FIELD_NAME_TYPES));
            problems.optionalText(field + ".name", custom.name(), 5);
            problems.optionalUrl(field + ".url", custom.url());
        }
    }

    private static void checkBonusRule(BonusRule rule, Problems problems) {
        String field = CARD + "bonus_rule.";
        problems.notNegative(field + "cost_money_unit", rule.costMoneyUnit());
        problems.notNegative(field + "increase_bonus", rule.increaseBonus());
        problems.notNegative(field + "max_increase_bonus", rule.maxIncreaseBonus());
        problems.notNegative(field + "init_increase_bonus", rule.initIncreaseBonus());
        problems.notNegative(field + "cost_bonus_unit", rule.costBonusUnit());
        problems.notNegative(field + "reduce_money", rule.reduceMoney());
        problems.notNegative(field + "least_money_to_use_bonus", rule.leastMoneyToUseBonus());
        problems.notNegative(field + "max_reduce_bonus", rule.maxReduceBonus());
    }

    /** Collects problems, each with its rule; the small checks every field shares. */
    private static final class Problems {
        final List<RuleBreach> list = new ArrayList<>();

        void add(String field, String rule, String message, Object... arguments) {
            list.add(RuleBreach.of(field, rule, message, arguments));
        }

        void required(String field) {
            add(field, "required", "is required");
        }

        void requiredText(String field, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                required(field);
            } else if (Text.length(value) > maxLength) {
                add(field, "too_long", "must be at most " + maxLength + " characters, got " + Text.length(value),
                        maxLength, Text.length(value));
            }
        }

        void optionalText(String field, Option<String> value, int maxLength) {
            value.forEach(text -> requiredText(field, text, maxLength));
        }

        void requiredUrl(String field, String value) {
            requiredText(field, value, URL_LENGTH);
            if (value != null && !value.isBlank() && !(value.startsWith("https://") || value.startsWith("http://"))) {
                add(field, "not_a_url", "must be an http(s) URL");
            }
        }

        /** A picture WeChat hosts ({@link WechatImageUrl}); any other host WeChat refuses (40141). */
        void wechatImage(String field, String value) {
            WechatImageUrl.breachOf(field, value).forEach(list::add);
        }

        void optionalUrl(String field, Option<String> value) {
            value.forEach(url -> requiredUrl(field, url));
        }

        void oneOf(String field, String value, Set<String> allowed) {
            if (value == null || value.isBlank()) {
                required(field);
            } else if (!allowed.contains(value)) {
                add(field, "not_one_of", "must be one of " + allowed.stream().sorted().toList() + ", got " + value,
                        value);
            }
        }

        void notNegative(String field, Option<Integer> value) {
            value.filter(number -> number < 0).forEach(number -> add(field, "not_negative",
                    "must not be negative, got " + number, number));
        }
    }
}
