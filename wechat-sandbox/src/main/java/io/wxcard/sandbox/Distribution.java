package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How cards reach members: QR codes ({@code /card/qrcode/create}), landing pages ({@code /card/landingpage/create})
 * and mass-message HTML ({@code /card/mpnews/gethtml}). QR codes are remembered so that the control API can play a
 * member scanning one.
 */
final class Distribution {
    static final long DEFAULT_QR_SECONDS = 365L * 86_400; // WeChat: "365 days when expire_seconds is absent"
    private static final Set<String> SCENES = Set.of("SCENE_NEAR_BY", "SCENE_MENU", "SCENE_QRCODE", "SCENE_ARTICLE",
            "SCENE_H5", "SCENE_IVR", "SCENE_CARD_CUSTOM_CELL");

    /** One card offered by a QR code, with what the scan carries into user_get_card. */
    record QrCard(String cardId, String code, String openid, String outerStr, long outerId) {
    }

    record QrCode(String appId, List<QrCard> cards, long expiresAt) {
    }

    private final Cards cards;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong pageIds = new AtomicLong(10_000);
    private final Map<String, QrCode> qrCodes = new ConcurrentHashMap<>();
    /** The landing pages made, by page_id: kept so that page ids never repeat, across restarts too. */
    private final Map<Long, ObjectNode> landingPages = new ConcurrentHashMap<>();

    Distribution(Cards cards) {
        this.cards = cards;
    }

    /** {@code /card/qrcode/create} for QR_CARD and QR_MULTIPLE_CARD. */
    ObjectNode createQrCode(String appId, ObjectNode body) {
        String action = Json.requiredText(body, "action_name");
        Long expire = Json.integer(body, "expire_seconds");
        if (expire != null && (expire < 60 || expire > 1800)) {
            throw WxException.invalidArgs("expire_seconds must be 60..1800");
        }
        ObjectNode info = Json.objectField(body, "action_info");
        if (info == null) {
            throw WxException.missingField("action_info");
        }
        List<QrCard> offered = new ArrayList<>();
        switch (action) {
            case "QR_CARD" -> {
                ObjectNode card = Json.objectField(info, "card");
                if (card == null) {
                    throw WxException.missingField("action_info.card");
                }
                offered.add(qrCard(appId, card));
            }
            case "QR_MULTIPLE_CARD" -> {
                ObjectNode multiple = Json.objectField(info, "multiple_card");
                JsonNode list = multiple == null ? null : multiple.get("card_list");
                if (list == null || !list.isArray() || list.isEmpty()) {
                    throw WxException.missingField("action_info.multiple_card.card_list");
                }
                if (list.size() > 5) {
                    throw WxException.invalidArgs("a QR code offers at most 5 cards");
                }
                for (JsonNode card : list) {
                    offered.add(qrCard(appId, (ObjectNode) card));
                }
            }
            default -> throw WxException.invalidArgs("action_name must be QR_CARD or QR_MULTIPLE_CARD");
        }
        long seconds = expire == null ? DEFAULT_QR_SECONDS : expire;
        String ticket = randomText(48);
        qrCodes.put(ticket, new QrCode(appId, List.copyOf(offered), cards.now() + seconds));
        return Json.object().put("ticket", ticket).put("expire_seconds", seconds)
                .put("url", "http://weixin.qq.com/q/" + randomText(16))
                .put("show_qrcode_url", "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket="
                        + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }

    private QrCard qrCard(String appId, ObjectNode card) {
        Card target = cards.of(appId, Json.text(card, "card_id"));
        if (Card.DELETE.equals(target.status())) {
            throw WxException.cardStatus("the card is deleted");
        }
        Long outerId = Json.integer(card, "outer_id");
        return new QrCard(target.id, Json.text(card, "code"), Json.text(card, "openid"), Json.text(card, "outer_str"),
                outerId == null ? 0 : outerId);
    }

    /** The QR code behind a ticket, if still valid; 40097 otherwise. */
    QrCode qrCode(String ticket) {
        QrCode qr = ticket == null ? null : qrCodes.get(ticket);
        if (qr == null || qr.expiresAt < cards.now()) {
            throw WxException.invalidArgs("unknown or expired QR code ticket");
        }
        return qr;
    }

    /** {@code /card/landingpage/create}. */
    ObjectNode createLandingPage(String appId, ObjectNode body) {
        Json.requiredText(body, "banner");
        Json.requiredText(body, "page_title");
        String scene = Json.requiredText(body, "scene");
        if (!SCENES.contains(scene)) {
            throw WxException.invalidArgs("scene must be one of " + SCENES);
        }
        JsonNode list = body.get("card_list");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw WxException.missingField("card_list");
        }
        for (JsonNode card : list) {
            Json.requiredText(card, "thumb_url");
            Card target = cards.of(appId, Json.text(card, "card_id"));
            if (Card.DELETE.equals(target.status())) {
                throw WxException.cardStatus("the card is deleted");
            }
        }
        long pageId = pageIds.incrementAndGet();
        String url = "https://mp.weixin.qq.com/bizmall/cardlandingpage?biz=" + randomText(12)
                + "&page_id=" + pageId + "&scene=" + scene + "#wechat_redirect";
        ObjectNode page = Json.object().put("page_id", pageId).put("appid", appId).put("url", url)
                .put("page_title", Json.text(body, "page_title")).put("banner", Json.text(body, "banner"))
                .put("scene", scene).put("can_share", Json.bool(body, "can_share", false));
        page.set("card_list", list.deepCopy());
        landingPages.put(pageId, page);
        return Json.object().put("url", url).put("page_id", pageId);
    }

    /** {@code /card/mpnews/gethtml}: the iframe WeChat inserts into a mass message. */
    String massMessageHtml(String appId, String cardId) {
        Card card = cards.of(appId, cardId);
        if (Card.DELETE.equals(card.status())) {
            throw WxException.cardStatus("the card is deleted");
        }
        return "<iframe class=\"res_iframe card_iframe js_editor_card\" data-src=\"http://mp.weixin.qq.com/"
                + "bizmall/appmsgcard?action=show&biz=" + randomText(12) + "&cardid=" + cardId
                + "&wechat_card_js=1#wechat_redirect\"></iframe>";
    }

    private String randomText(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    void clear() {
        qrCodes.clear();
        landingPages.clear();
    }

    // ---- the state file ------------------------------------------------------------------------------------------

    ArrayNode snapshotQrCodes() {
        ArrayNode out = Json.array();
        qrCodes.forEach((ticket, qr) -> {
            ObjectNode row = out.addObject().put("ticket", ticket).put("appid", qr.appId())
                    .put("expires_at", qr.expiresAt());
            ArrayNode offered = row.putArray("cards");
            qr.cards().forEach(c -> offered.addObject().put("card_id", c.cardId()).put("code", c.code())
                    .put("openid", c.openid()).put("outer_str", c.outerStr()).put("outer_id", c.outerId()));
        });
        return out;
    }

    ArrayNode snapshotLandingPages() {
        ArrayNode out = Json.array();
        new java.util.TreeMap<>(landingPages).values().forEach(page -> out.add(page.deepCopy()));
        return out;
    }

    void restore(ArrayNode qrRows, ArrayNode pageRows) {
        for (JsonNode row : qrRows) {
            List<QrCard> offered = new ArrayList<>();
            for (JsonNode c : StateJson.array(row, "cards")) {
                offered.add(new QrCard(StateJson.text(c, "card_id"), StateJson.optionalText(c, "code"),
                        StateJson.optionalText(c, "openid"), StateJson.optionalText(c, "outer_str"),
                        StateJson.number(c, "outer_id")));
            }
            qrCodes.put(StateJson.text(row, "ticket"), new QrCode(StateJson.text(row, "appid"),
                    List.copyOf(offered), StateJson.number(row, "expires_at")));
        }
        for (JsonNode row : pageRows) {
            long pageId = StateJson.number(row, "page_id");
            StateJson.text(row, "appid");
            landingPages.put(pageId, ((ObjectNode) row).deepCopy());
            pageIds.accumulateAndGet(pageId, Math::max);
        }
    }
}
