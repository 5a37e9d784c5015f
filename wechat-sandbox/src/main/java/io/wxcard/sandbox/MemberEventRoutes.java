package io.wxcard.sandbox;

import io.javalin.Javalin;

/**
 * The control API for {@link MemberEvents} (gifts, the member events that change nothing, stock and coupon points),
 * and the account switch that makes Pay member functions require an upgraded card.
 */
final class MemberEventRoutes {
    private final MemberEvents events;
    private final Cards cards;
    private final Apps apps;

    MemberEventRoutes(MemberEvents events, Cards cards, Apps apps) {
        this.events = events;
        this.cards = cards;
        this.apps = apps;
    }

    void register(Javalin app, ControlRoutes control) {
        String code = "/sandbox/cards/{card_id}/codes/{code}";
        control.post(app, code + "/gift", (ctx, body) -> {
            events.sendGift(card(ctx.pathParam("card_id")), ctx.pathParam("code"), Json.text(body, "friend_openid"),
                    Json.bool(body, "chat_room", false));
            return null;
        });
        control.post(app, code + "/gift/accept", (ctx, body) -> Json.object().put("code", events.acceptGift(
                card(ctx.pathParam("card_id")), ctx.pathParam("code"), Json.requiredText(body, "friend_openid"))));
        control.post(app, code + "/gift/return", (ctx, body) -> {
            events.returnGift(card(ctx.pathParam("card_id")), ctx.pathParam("code"));
            return null;
        });
        control.post(app, code + "/events", (ctx, body) -> {
            events.memberEvent(card(ctx.pathParam("card_id")), ctx.pathParam("code"), Json.requiredText(body, "event"),
                    body);
            return null;
        });
        control.post(app, "/sandbox/cards/{card_id}/stock-low", (ctx, body) -> {
            events.stockLow(card(ctx.pathParam("card_id")), Json.text(body, "detail"));
            return null;
        });
        control.post(app, "/sandbox/apps/{appid}/require-card-upgrade", (ctx, body) -> {
            if (!body.path("enabled").isBoolean()) {
                throw WxException.invalidArgs("enabled must be true or false");
            }
            try {
                apps.setRequireCardUpgrade(ctx.pathParam("appid"), body.get("enabled").asBoolean());
            } catch (IllegalArgumentException unknown) {
                throw new WxException(40013, "invalid appid: " + ctx.pathParam("appid"));
            }
            return Json.object().put("require_card_upgrade", body.get("enabled").asBoolean());
        });
        control.post(app, "/sandbox/apps/{appid}/coupon-point-orders", (ctx, body) -> {
            events.couponPointOrder(ctx.pathParam("appid"), Json.requiredText(body, "order_id"),
                    Json.requiredText(body, "status"));
            return null;
        });
    }

    private Card card(String cardId) {
        Card card = cards.find(cardId);
        if (card == null) {
            throw new WxException(40073, "invalid card_id: " + cardId);
        }
        return card;
    }
}
