package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What WeChat checks in a member card definition ({@code member_card}), on create and again on update:
 * required fields (41011), lengths (45021), enumerations (40097), stock (40122), custom fields (40124), pictures
 * on WeChat's host (40141).
 * Lengths count characters (code points), as WeChat counts a Chinese character as one.
 */
final class CardRules {
    /** base_info fields and their maximum length. */
    static final Map<String, Integer> BASE_INFO_MAX_LENGTH = new LinkedHashMap<>();

    static {
        BASE_INFO_MAX_LENGTH.put("title", 9);
        BASE_INFO_MAX_LENGTH.put("brand_name", 12);
        BASE_INFO_MAX_LENGTH.put("notice", 16);
        BASE_INFO_MAX_LENGTH.put("description", 1024);
        BASE_INFO_MAX_LENGTH.put("service_phone", 24);
        BASE_INFO_MAX_LENGTH.put("custom_url_name", 5);
        BASE_INFO_MAX_LENGTH.put("custom_url_sub_title", 6);
        BASE_INFO_MAX_LENGTH.put("promotion_url_name", 5);
        BASE_INFO_MAX_LENGTH.put("promotion_url_sub_title", 6);
    }

    private static final String[] BASE_INFO_REQUIRED = {
        "logo_url", "brand_name", "code_type", "title", "color", "notice", "description"};
    private static final Set<String> CODE_TYPES = Set.of("CODE_TYPE_TEXT", "CODE_TYPE_BARCODE", "CODE_TYPE_QRCODE",
            "CODE_TYPE_ONLY_QRCODE", "CODE_TYPE_ONLY_BARCODE", "CODE_TYPE_NONE");
    private static final Pattern COLOR = Pattern.compile("Color\\d{3}|#[0-9A-Fa-f]{6}");
    private static final Pattern CUSTOM_FIELD = Pattern.compile("custom_field(\\d+)");
    static final long MAX_QUANTITY = 100_000_000L;
    static final int DEFAULT_GET_LIMIT = 50;

    /**
     * Fields whose change sends an approved card back to review (the sandbox's rule, following WeChat's note that
     * changing the card's name, logo, picture, privileges or description needs a new review).
     */
    static final Set<String> BASE_INFO_NEEDING_REVIEW = Set.of("title", "logo_url", "description");
    static final Set<String> MEMBER_CARD_NEEDING_REVIEW = Set.of("background_pic_url", "prerogative");

    /** base_info fields that card/update ignores: the platform's own, the stock (modifystock) and the brand. */
    static final Set<String> BASE_INFO_NOT_UPDATABLE = Set.of("id", "status", "sku", "create_time", "update_time",
            "brand_name");

    private CardRules() {
    }

    /** Checks a whole member_card definition; throws the first refusal WeChat would give. */
    static void validate(ObjectNode memberCard) {
        ObjectNode baseInfo = Json.objectField(memberCard, "base_info");
        if (baseInfo == null) {
            throw WxException.missingField("member_card.base_info");
        }
        for (String field : BASE_INFO_REQUIRED) {
            if (Json.text(baseInfo, field) == null || Json.text(baseInfo, field).isBlank()) {
                throw WxException.missingField("base_info." + field);
            }
        }
        for (Map.Entry<String, Integer> limit : BASE_INFO_MAX_LENGTH.entrySet()) {
            String value = Json.text(baseInfo, limit.getKey());
            int length = value == null ? 0 : value.codePointCount(0, value.length());
            if (length > limit.getValue()) {
                throw WxException.tooLong("base_info." + limit.getKey(), length, limit.getValue());
            }
        }
        if (!CODE_TYPES.contains(Json.text(baseInfo, "code_type"))) {
            throw WxException.invalidArgs("base_info.code_type must be one of " + CODE_TYPES);
        }
        if (!COLOR.matcher(Json.text(baseInfo, "color")).matches()) {
            throw WxException.invalidArgs("base_info.color must be a palette name such as Color010");
        }
        ImageHosts.require("base_info.logo_url", Json.text(baseInfo, "logo_url"));
        ImageHosts.require("background_pic_url", Json.text(memberCard, "background_pic_url"));
        validateDateInfo(Json.objectField(baseInfo, "date_info"));
        Long getLimit = Json.integer(baseInfo, "get_limit");
        if (getLimit != null && getLimit < 1) {
            throw WxException.invalidArgs("base_info.get_limit must be at least 1");
        }
        validateMemberFields(memberCard);
    }

    /** The sku quantity of a new card: required, 0..100,000,000. */
    static long initialQuantity(ObjectNode memberCard) {
        ObjectNode sku = Json.objectField(memberCard.get("base_info"), "sku");
        Long quantity = sku == null ? null : Json.integer(sku, "quantity");
        if (quantity == null) {
            throw WxException.missingField("base_info.sku.quantity");
        }
        if (quantity < 0 || quantity > MAX_QUANTITY) {
            throw new WxException(40122, "invalid quantity: sku.quantity must be 0.." + MAX_QUANTITY);
        }
        return quantity;
    }

    private static void validateDateInfo(ObjectNode dateInfo) {
        if (dateInfo == null || !Json.has(dateInfo, "type")) {
            throw WxException.missingField("base_info.date_info.type");
        }
        switch (dateType(dateInfo)) {
            case "DATE_TYPE_PERMANENT" -> { }
            case "DATE_TYPE_FIX_TIME_RANGE" -> {
                Long begin = Json.integer(dateInfo, "begin_timestamp");
                Long end = Json.integer(dateInfo, "end_timestamp");
                if (begin == null || end == null) {
                    throw WxException.missingField("date_info.begin_timestamp and date_info.end_timestamp");
                }
                if (end <= begin) {
                    throw WxException.invalidArgs("date_info.end_timestamp must be after begin_timestamp");
                }
            }
            case "DATE_TYPE_FIX_TERM" -> {
                if (Json.integer(dateInfo, "fixed_term") == null) {
                    throw WxException.missingField("date_info.fixed_term");
                }
            }
            default -> throw WxException.invalidArgs("date_info.type must be DATE_TYPE_PERMANENT, "
                    + "DATE_TYPE_FIX_TIME_RANGE or DATE_TYPE_FIX_TERM");
        }
    }

    /** The date type by name; WeChat also sends it as a number (1: fixed range, 2: fixed term). */
    static String dateType(JsonNode dateInfo) {
        String type = Json.text(dateInfo, "type");
        if (type == null) {
            return "DATE_TYPE_PERMANENT";
        }
        return switch (type) {
            case "1" -> "DATE_TYPE_FIX_TIME_RANGE";
            case "2" -> "DATE_TYPE_FIX_TERM";
            default -> type;
        };
    }

    private static void validateMemberFields(ObjectNode memberCard) {
        String prerogative = Json.text(memberCard, "prerogative");
        if (prerogative == null || prerogative.isBlank()) {
            throw WxException.missingField("member_card.prerogative");
        }
        for (String field : new String[] {"supply_bonus", "supply_balance"}) {
            if (!Json.has(memberCard, field)) {
                throw WxException.missingField("member_card." + field);
            }
            Json.bool(memberCard, field, false); // 47001 when not a boolean
        }
        int modes = (Json.bool(memberCard, "auto_activate", false) ? 1 : 0)
                + (Json.bool(memberCard, "wx_activate", false) ? 1 : 0)
                + (Json.text(memberCard, "activate_url") == null || Json.text(memberCard, "activate_url").isBlank()
                        ? 0 : 1);
        if (modes == 0) {
            throw WxException.missingField("member_card.auto_activate, wx_activate or activate_url");
        }
        if (modes > 1) {
            throw WxException.invalidArgs("exactly one of auto_activate, wx_activate and activate_url may be set");
        }
        memberCard.fieldNames().forEachRemaining(name -> {
            var matcher = CUSTOM_FIELD.matcher(name);
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) > 3) {
                throw new WxException(40124, "too many custom fields: a member card has custom_field1..3 only");
            }
        });
    }
}
