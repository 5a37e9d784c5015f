package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /card/update}'s merge: the given member_card fields over the current definition, base_info field by field,
 * the fields WeChat does not let an update change skipped, and whether a change needs a new review; and the other
 * pure rules of a card's definition (the platform's own fields, a code's validity).
 */
final class CardUpdate {

    /** The definition after the update, and whether a field needing review changed. */
    record Merged(ObjectNode memberCard, boolean needsReview) {
    }

    private CardUpdate() {
    }

    static Merged merge(ObjectNode current, ObjectNode changes) {
        ObjectNode merged = current.deepCopy();
        boolean needsReview = false;
        for (Map.Entry<String, JsonNode> field : changes.properties()) {
            if (field.getKey().equals("base_info")) {
                if (!field.getValue().isObject()) {
                    throw WxException.dataFormat("base_info must be an object");
                }
                ObjectNode baseInfo = (ObjectNode) merged.get("base_info");
                for (Map.Entry<String, JsonNode> entry : field.getValue().properties()) {
                    if (CardRules.BASE_INFO_NOT_UPDATABLE.contains(entry.getKey())) {
                        continue;
                    }
                    boolean changed = !Objects.equals(baseInfo.get(entry.getKey()), entry.getValue());
                    needsReview |= changed && CardRules.BASE_INFO_NEEDING_REVIEW.contains(entry.getKey());
                    baseInfo.set(entry.getKey(), entry.getValue());
                }
            } else {
                boolean changed = !Objects.equals(merged.get(field.getKey()), field.getValue());
                needsReview |= changed && CardRules.MEMBER_CARD_NEEDING_REVIEW.contains(field.getKey());
                merged.set(field.getKey(), field.getValue());
            }
        }
        CardRules.validate(merged);
        return new Merged(merged, needsReview);
    }

    /** The fields only the platform sets (id, status, stock, times), dropped from a merchant's definition. */
    static void stripPlatformFields(ObjectNode memberCard) {
        ObjectNode baseInfo = (ObjectNode) memberCard.get("base_info");
        baseInfo.remove(java.util.List.of("id", "status", "sku", "create_time", "update_time"));
    }

    /** {@code begin_time} / {@code end_time} of a member's code, from the card's date_info. */
    static long[] validity(JsonNode dateInfo, long receivedAt) {
        return switch (CardRules.dateType(dateInfo)) {
            case "DATE_TYPE_FIX_TIME_RANGE" -> new long[] {
                Json.integer(dateInfo, "begin_timestamp"), Json.integer(dateInfo, "end_timestamp")};
            case "DATE_TYPE_FIX_TERM" -> {
                Long startDays = Json.integer(dateInfo, "fixed_begin_term");
                long begin = receivedAt + (startDays == null ? 0 : startDays) * 86_400;
                yield new long[] {begin, begin + Json.integer(dateInfo, "fixed_term") * 86_400};
            }
            default -> new long[] {receivedAt, FAR_FUTURE};
        };
    }

    /** 2099-12-31 23:59:59 +08:00: the end_time of a permanent card, so clients never take it for expired. */
    private static final long FAR_FUTURE = 4_102_415_999L;
}
