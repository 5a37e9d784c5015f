package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WeChat Pay's member-card activities ({@code /v3/marketing/membercard-activity/activities}; FIDELITY.md section 27):
 * create with an idempotent {@code out_request_no}, get, list (filters and paging), terminate. The card must be the
 * merchant's own and upgraded (section 15). Sandbox decisions where WeChat Pay is silent: a second activity of the
 * same card and type overlapping in time is refused; the same out_request_no with another body is refused; terminating
 * twice is refused. Not kept in the state file (as the pay-to-join rules).
 */
final class PayActivities {
    static final Set<String> TYPES = Set.of("NON_MEMBER_AFTERPAY", "MEMBER_AFTERPAY", "NON_MEMBER_MINIPROGRAM",
            "MEMBER_MINIPROGRAM");
    static final long MAX_DAYS = 90;
    static final String OVERLAPS = "该会员卡在此时间段内已有同类型的活动";

    private final Cards cards;
    private final PayImport upgrades;
    private final Map<String, Activity> activities = new ConcurrentHashMap<>();
    private final Map<String, String> byRequest = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(3_710_000);

    private static final class Activity {
        final String id;
        final String mchid;
        final ObjectNode body;
        final long begin;
        final long end;
        final long created;
        Long terminated;

        Activity(String id, String mchid, ObjectNode body, long begin, long end, long created) {
            this.id = id;
            this.mchid = mchid;
            this.body = body;
            this.begin = begin;
            this.end = end;
            this.created = created;
        }
    }

    PayActivities(Cards cards, PayImport upgrades) {
        this.cards = cards;
        this.upgrades = upgrades;
    }

    synchronized ObjectNode create(Apps.Registered merchant, ObjectNode body) {
        String outRequestNo = required(body, "out_request_no");
        String known = byRequest.get(merchant.app().merchantId() + "|" + outRequestNo);
        if (known != null) {
            Activity earlier = activities.get(known);
            if (!earlier.body.equals(body)) {
                throw new PayException(400, "INVALID_REQUEST", "out_request_no " + outRequestNo
                        + " was used for another activity");
            }
            return view(earlier);
        }
        Card card = card(merchant, required(body, "card_id"));
        String name = required(body, "activity_name");
        if (name.codePointCount(0, name.length()) > 10) {
            throw PayException.param("activity_name", "is longer than 10 characters");
        }
        String type = required(body, "activity_type");
        if (!TYPES.contains(type)) {
            throw PayException.param("activity_type", "is not one of " + TYPES);
        }
        long begin = time(body, "begin_time");
        long end = time(body, "end_time");
        if (end <= begin || end - begin > MAX_DAYS * 86_400) {
            throw PayException.param("end_time", "must be after begin_time and at most 90 days later");
        }
        JsonNode stocks = body.path("stock_list");
        if (!stocks.isArray() || stocks.isEmpty()) {
            throw PayException.param("stock_list", "is required");
        }
        stocks.forEach(stock -> {
            required(stock, "stock_id");
            required(stock, "stock_creator_mchid");
        });
        if (type.endsWith("_AFTERPAY")) {
            JsonNode setting = body.path("pay_activity_setting");
            if (!setting.isObject()) {
                throw PayException.param("pay_activity_setting", "is required");
            }
            required(setting, "logo_url");
            required(setting, "activity_second_title");
            if (!setting.path("mchid_list").isArray() || setting.path("mchid_list").isEmpty()) {
                throw PayException.param("pay_activity_setting.mchid_list", "is required");
            }
        }
        boolean overlapping = activities.values().stream().anyMatch(a -> a.mchid.equals(merchant.app().merchantId())
                && a.body.path("card_id").asText().equals(card.id) && a.body.path("activity_type").asText()
                .equals(type) && !ended(a) && a.begin < end && begin < a.end);
        if (overlapping) {
            throw new PayException(400, "INVALID_REQUEST", OVERLAPS);
        }
        String id = Long.toString(ids.incrementAndGet());
        Activity made = new Activity(id, merchant.app().merchantId(), body.deepCopy(), begin, end, cards.now());
        activities.put(id, made);
        byRequest.put(made.mchid + "|" + outRequestNo, id);
        return view(made);
    }

    ObjectNode get(Apps.Registered merchant, String activityId) {
        return view(own(merchant, activityId));
    }

    ObjectNode list(Apps.Registered merchant, int offset, int limit, String cardId, String type, String status) {
        List<Activity> mine = activities.values().stream().filter(a -> a.mchid.equals(merchant.app().merchantId()))
                .filter(a -> cardId == null || a.body.path("card_id").asText().equals(cardId))
                .filter(a -> type == null || a.body.path("activity_type").asText().equals(type))
                .filter(a -> status == null || status(a).equals(status))
                .sorted(Comparator.comparingLong(a -> Long.parseLong(a.id))).toList();
        ObjectNode out = Json.object().put("offset", offset).put("limit", limit).put("total_count", mine.size());
        ArrayNode data = out.putArray("data");
        mine.stream().skip(offset).limit(limit).forEach(a -> data.add(view(a)));
        return out;
    }

    synchronized ObjectNode terminate(Apps.Registered merchant, String activityId) {
        Activity activity = own(merchant, activityId);
        if (activity.terminated != null) {
            throw new PayException(400, "INVALID_REQUEST", "活动已终止");
        }
        if (ended(activity)) {
            throw new PayException(400, "INVALID_REQUEST", "活动已过期");
        }
        activity.terminated = cards.now();
        return Json.object().put("activity_id", activity.id)
                .put("terminate_time", PayRoutes.rfc3339(Instant.ofEpochSecond(activity.terminated)));
    }

    /** Control: the merchant terminated it on WeChat Pay's merchant platform. */
    synchronized void terminatedElsewhere(String activityId) {
        Activity activity = activities.get(activityId);
        if (activity == null) {
            throw new IllegalArgumentException("no activity " + activityId);
        }
        activity.terminated = cards.now();
    }

    void clear() {
        activities.clear();
        byRequest.clear();
    }

    private String status(Activity a) {
        long now = cards.now();
        if (a.terminated != null) {
            return "TERMINATED";
        }
        return now >= a.end ? "OVER_TIME" : now >= a.begin ? "ONGOING" : "CREATED";
    }

    private boolean ended(Activity a) {
        String status = status(a);
        return status.equals("TERMINATED") || status.equals("OVER_TIME");
    }

    private ObjectNode view(Activity a) {
        ObjectNode out = Json.object().put("activity_id", a.id).put("activity_status", status(a))
                .put("create_time", PayRoutes.rfc3339(Instant.ofEpochSecond(a.created)))
                .put("update_time", PayRoutes.rfc3339(Instant.ofEpochSecond(a.terminated == null ? a.created
                        : a.terminated)));
        out.setAll(a.body.deepCopy());
        return out;
    }

    private Activity own(Apps.Registered merchant, String activityId) {
        Activity activity = activities.get(activityId);
        if (activity == null || !activity.mchid.equals(merchant.app().merchantId())) {
            throw new PayException(404, "RESOURCE_NOT_EXISTS", "活动不存在");
        }
        return activity;
    }

    private Card card(Apps.Registered merchant, String cardId) {
        return upgrades.upgradedCard(merchant, cardId);
    }

    private static long time(JsonNode body, String field) {
        try {
            return OffsetDateTime.parse(required(body, field)).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw PayException.param(field, "is not an RFC 3339 time such as 2015-05-20T13:29:35.120+08:00");
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw PayException.param(field, "is required");
        }
        return value.asText();
    }
}
