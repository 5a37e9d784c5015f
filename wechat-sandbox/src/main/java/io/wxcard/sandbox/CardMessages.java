package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages that carry a card ({@code msgtype wxcard}): the mass preview to one openid, the mass send filtered by tag,
 * the customer-service message (only within 48 hours of the member's last message to the account: 45015 otherwise).
 * What each member received is kept for the control API ({@code GET /sandbox/apps/{appid}/messages}).
 * A follower receives at most {@link #MASS_PER_MONTH} mass messages a Beijing calendar month (WeChat's mass-send page:
 * "多于4条的群发将对该用户发送失败"): a send by tag skips who had them; one that reaches nobody for that reason is
 * answered 45028 "has no masssend quota" (the errcode WeChat gives when the quota is used up; for a send by tag the
 * sandbox's reading).
 */
final class CardMessages {
    static final long CUSTOMER_SERVICE_WINDOW_SECONDS = 48 * 3600;
    static final int MASS_PER_MONTH = 4;
    private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

    record Received(String openid, String kind, String cardId, long msgId, long at) {}

    private final Cards cards;
    private final Members members;
    private final UserTags tags;
    private final AtomicLong msgIds = new AtomicLong(1_000_000_000L);
    private final Map<String, List<Received>> receivedByApp = new ConcurrentHashMap<>();
    private final Map<String, Long> lastMessageFromMember = new ConcurrentHashMap<>();

    CardMessages(Cards cards, Members members, UserTags tags) {
        this.cards = cards;
        this.members = members;
        this.tags = tags;
    }

    /** The card a wxcard message carries: msgtype must be wxcard, the card the account's and not deleted. */
    private Card cardOf(String appId, ObjectNode body) {
        String type = Json.requiredText(body, "msgtype");
        if (!type.equals("wxcard")) {
            throw WxException.invalidArgs("msgtype " + type + " is not simulated: only wxcard");
        }
        Card card = cards.of(appId, Json.text(Json.objectField(body, "wxcard"), "card_id"));
        if (Card.DELETE.equals(card.status())) {
            throw WxException.cardStatus("the card is deleted");
        }
        return card;
    }

    private synchronized void deliver(String appId, String openid, String kind, Card card, long msgId) {
        receivedByApp.computeIfAbsent(appId, app -> new ArrayList<>())
                .add(new Received(openid, kind, card.id, msgId, cards.now()));
    }

    ObjectNode preview(String appId, ObjectNode body) {
        Card card = cardOf(appId, body);
        String openid = Json.requiredText(body, "touser");
        members.requireOpenidOf(appId, openid);
        long msgId = msgIds.incrementAndGet();
        deliver(appId, openid, "preview", card, msgId);
        return Json.object().put("errmsg", "preview success").put("msg_id", msgId);
    }

    ObjectNode sendAll(String appId, ObjectNode body) {
        Card card = cardOf(appId, body);
        ObjectNode filter = Json.objectField(body, "filter");
        if (filter == null) {
            throw WxException.missingField("filter");
        }
        if (Json.bool(filter, "is_to_all", false)) {
            throw WxException.invalidArgs("is_to_all is not simulated: send by tag_id");
        }
        Long tagId = Json.integer(filter, "tag_id");
        if (tagId == null) {
            throw WxException.missingField("filter.tag_id");
        }
        List<String> followers = tags.openids(appId, tagId);
        List<String> withRoom = followers.stream().filter(openid -> massThisMonth(appId, openid) < MASS_PER_MONTH)
                .toList();
        if (!followers.isEmpty() && withRoom.isEmpty()) {
            throw new WxException(45028, "has no masssend quota");
        }
        long msgId = msgIds.incrementAndGet();
        for (String openid : withRoom) {
            deliver(appId, openid, "mass", card, msgId);
        }
        return Json.object().put("errmsg", "send job submission success").put("msg_id", msgId)
                .put("msg_data_id", msgId);
    }

    private synchronized long massThisMonth(String appId, String openid) {
        java.time.YearMonth month = monthOf(cards.now());
        return receivedByApp.getOrDefault(appId, List.of()).stream()
                .filter(message -> message.kind().equals("mass") && message.openid().equals(openid))
                .filter(message -> monthOf(message.at()).equals(month))
                .count();
    }

    private static java.time.YearMonth monthOf(long epochSecond) {
        return java.time.YearMonth.from(java.time.Instant.ofEpochSecond(epochSecond).atZone(BEIJING));
    }

    void customSend(String appId, ObjectNode body) {
        Card card = cardOf(appId, body);
        String openid = Json.requiredText(body, "touser");
        members.requireOpenidOf(appId, openid);
        Long last = lastMessageFromMember.get(appId + "|" + openid);
        if (last == null || cards.now() - last > CUSTOMER_SERVICE_WINDOW_SECONDS) {
            throw new WxException(45015, "response out of time limit or subscription is canceled");
        }
        deliver(appId, openid, "customer_service", card, 0);
    }

    /** The member writes to the account: opens the 48-hour customer-service window. */
    void memberWrote(String appId, String openid) {
        members.requireOpenidOf(appId, openid);
        lastMessageFromMember.put(appId + "|" + openid, cards.now());
    }

    synchronized ObjectNode received(String appId, String openid) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("messages");
        receivedByApp.getOrDefault(appId, List.of()).stream()
                .filter(message -> openid == null || message.openid().equals(openid))
                .forEach(message -> list.addObject().put("openid", message.openid()).put("kind", message.kind())
                        .put("card_id", message.cardId()).put("msg_id", message.msgId()).put("at", message.at()));
        return out;
    }

    synchronized void clear() {
        receivedByApp.clear();
        lastMessageFromMember.clear();
    }
}
