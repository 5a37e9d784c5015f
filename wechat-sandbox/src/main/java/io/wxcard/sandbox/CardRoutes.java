package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The card_id endpoints: create, get, batchget, update, delete, modifystock, whitelist and distribution. */
final class CardRoutes {
    private final Apps apps;
    private final Cards cards;
    private final Distribution distribution;

    CardRoutes(Apps apps, Cards cards, Distribution distribution) {
        this.apps = apps;
        this.cards = cards;
        this.distribution = distribution;
    }

    void register(OaEndpoint oa) {
        oa.post("/card/create", call -> {
            ObjectNode card = Json.objectField(call.body(), "card");
            if (card == null) {
                throw WxException.missingField("card");
            }
            String type = Json.requiredText(card, "card_type");
            if (!type.equals("MEMBER_CARD")) {
                throw WxException.invalidArgs("card_type " + type + " is not simulated: only MEMBER_CARD");
            }
            ObjectNode memberCard = Json.objectField(card, "member_card");
            if (memberCard == null) {
                throw WxException.missingField("card.member_card");
            }
            Apps.Registered app = apps.byAppId(call.appId).orElseThrow();
            return Json.object().put("card_id", cards.create(app, memberCard).id);
        });
        oa.query("/card/get", call -> {
            ObjectNode out = Json.object();
            out.set("card", cards.of(call.appId, call.text("card_id")).toJson());
            return out;
        });
        oa.query("/card/batchget", call -> batchGet(call));
        oa.post("/card/update", call -> {
            ObjectNode memberCard = Json.objectField(call.body(), "member_card");
            if (memberCard == null) {
                throw WxException.missingField("member_card");
            }
            return Json.object().put("send_check", cards.update(call.appId, call.text("card_id"), memberCard));
        });
        oa.post("/card/delete", call -> {
            cards.of(call.appId, call.text("card_id")).delete(cards.now());
            return null;
        });
        oa.post("/card/modifystock", call -> {
            Card card = cards.of(call.appId, call.text("card_id"));
            Long increase = call.integer("increase_stock_value");
            Long reduce = call.integer("reduce_stock_value");
            if (increase == null && reduce == null) {
                throw WxException.missingField("increase_stock_value or reduce_stock_value");
            }
            if (increase != null && increase < 0 || reduce != null && reduce < 0) {
                throw WxException.invalidArgs("stock values cannot be negative");
            }
            card.modifyStock(increase == null ? 0 : increase, reduce == null ? 0 : reduce, cards.now());
            return null;
        });
        oa.post("/card/testwhitelist/set", call -> {
            List<String> openids = Json.texts(call.body(), "openid");
            List<String> usernames = Json.texts(call.body(), "username");
            if (openids.isEmpty() && usernames.isEmpty()) {
                throw WxException.missingField("openid or username");
            }
            // usernames (WeChat ids) cannot be mapped to openids offline: accepted, but only openids count
            cards.whitelist(call.appId, openids);
            return null;
        });
        oa.post("/card/qrcode/create", call -> distribution.createQrCode(call.appId, call.body()));
        oa.post("/card/landingpage/create", call -> distribution.createLandingPage(call.appId, call.body()));
        oa.query("/card/mpnews/gethtml", call ->
                Json.object().put("content", distribution.massMessageHtml(call.appId, call.text("card_id"))));
    }

    /** {@code /card/batchget}: offset, count (1..50), an optional status_list filter. */
    private ObjectNode batchGet(OaCall call) {
        Long offset = call.integer("offset");
        Long count = call.integer("count");
        if (count == null) {
            throw WxException.missingField("count");
        }
        if (count < 1 || count > 50 || offset != null && offset < 0) {
            throw WxException.invalidArgs("count must be 1..50 and offset not negative");
        }
        List<String> statuses = Json.texts(call.body(), "status_list");
        List<Card> matching = cards.ofApp(call.appId).stream()
                .filter(c -> statuses.isEmpty() || statuses.contains(c.status())).toList();
        ObjectNode out = Json.object();
        ArrayNode ids = out.putArray("card_id_list");
        matching.stream().skip(offset == null ? 0 : offset).limit(count).forEach(c -> ids.add(c.id));
        out.put("total_num", matching.size());
        return out;
    }
}
