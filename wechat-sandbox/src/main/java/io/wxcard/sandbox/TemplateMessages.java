package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code cgi-bin/message/template/send}: the messages each account sent, and the members who unfollowed it. A member
 * follows every account until the control API says otherwise ({@code unfollow}); a message to one who does not is
 * refused with 43004 "require subscribe", as WeChat does (FIDELITY.md section 19).
 */
final class TemplateMessages {

    private final Map<String, ArrayNode> sent = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> unfollowed = new ConcurrentHashMap<>();
    private final AtomicLong msgIds = new AtomicLong(200_000_000L);

    /** Sends a template message; answers its msgid. */
    long send(String appId, JsonNode body) {
        String touser = Json.text(body, "touser");
        if (touser == null || touser.isBlank()) {
            throw new WxException(40003, "invalid openid: touser is required");
        }
        String templateId = Json.text(body, "template_id");
        if (templateId == null || templateId.isBlank()) {
            throw new WxException(40037, "invalid template_id");
        }
        JsonNode data = body.path("data");
        if (!data.isObject() || data.isEmpty()) {
            throw WxException.missingField("data");
        }
        data.fields().forEachRemaining(field -> {
            if (!field.getValue().path("value").isTextual()) {
                throw WxException.invalidArgs("data." + field.getKey() + " must be {\"value\": \"...\"}");
            }
        });
        if (unfollowed.getOrDefault(appId, Set.of()).contains(touser)) {
            throw new WxException(43004, "require subscribe: " + touser + " does not follow the account");
        }
        long msgId = msgIds.incrementAndGet();
        ObjectNode message = Json.object().put("msgid", msgId).put("touser", touser).put("template_id", templateId)
                .put("url", Json.text(body, "url"));
        message.set("data", data.deepCopy());
        ArrayNode messages = sent.computeIfAbsent(appId, app -> Json.array());
        synchronized (messages) {
            messages.add(message);
        }
        return msgId;
    }

    /** The member unfollows the account (or follows it again). */
    void setFollowing(String appId, String openid, boolean following) {
        Set<String> gone = unfollowed.computeIfAbsent(appId, app -> ConcurrentHashMap.newKeySet());
        if (following) {
            gone.remove(openid);
        } else {
            gone.add(openid);
        }
    }

    /** What the account sent, oldest first, for {@code GET /sandbox/apps/{appid}/template-messages}. */
    ArrayNode sentBy(String appId) {
        ArrayNode messages = sent.getOrDefault(appId, Json.array());
        synchronized (messages) {
            return messages.deepCopy();
        }
    }
}
