package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The control routes that play the members and the reviewers of a card: review it, receive it (directly or by
 * scanning a QR code), look at a member's code, fill in the form, delete and restore it, change its totals on
 * WeChat's side. Answered as every control call ({@link ControlRoutes}).
 */
final class MemberControlRoutes {
    private final Cards cards;
    private final MemberActions actions;
    private final MemberCards memberCards;
    private final Distribution distribution;
    private final Datacube datacube;

    MemberControlRoutes(Cards cards, MemberActions actions, MemberCards memberCards, Distribution distribution,
                        Datacube datacube) {
        this.cards = cards;
        this.actions = actions;
        this.memberCards = memberCards;
        this.distribution = distribution;
        this.datacube = datacube;
    }

    void register(Javalin app, ControlRoutes control) {
        control.get(app, "/sandbox/cards/{card_id}", (ctx, body) -> card(ctx).summary());
        control.post(app, "/sandbox/cards/{card_id}/review", (ctx, body) -> {
            String result = Json.requiredText(body, "result");
            if (!result.equals("pass") && !result.equals("not_pass")) {
                throw WxException.invalidArgs("result must be pass or not_pass");
            }
            Card card = card(ctx);
            cards.review(card, result.equals("pass"), Json.text(body, "refuse_reason"));
            return Json.object().put("status", card.status());
        });
        control.post(app, "/sandbox/cards/{card_id}/users", (ctx, body) -> {
            Long outerId = Json.integer(body, "outer_id");
            MemberActions.Received received = actions.receive(card(ctx), Json.text(body, "openid"),
                    Json.text(body, "outer_str"), outerId == null ? 0 : outerId, Json.text(body, "code"),
                    Json.text(body, "nickname"), Json.text(body, "sex"), Json.text(body, "unionid"));
            return received(received);
        });
        control.post(app, "/sandbox/qrcodes/{ticket}/scan", (ctx, body) -> {
            Distribution.QrCode qr = distribution.qrCode(ctx.pathParam("ticket"));
            Distribution.QrCard offered = qr.cards().get(0);
            String openid = Json.requiredText(body, "openid");
            if (offered.openid() != null && !offered.openid().isEmpty() && !offered.openid().equals(openid)) {
                throw new WxException(40003, "invalid openid: this QR code is for " + offered.openid() + " only");
            }
            Card card = cards.find(offered.cardId());
            if (card == null) {
                throw new WxException(40073, "invalid card_id: " + offered.cardId());
            }
            String opened = actions.openIfHeld(card, openid, offered.outerStr(), datacube);
            if (opened != null) {
                return Json.object().put("opened", true).put("code", opened).put("card_id", card.id);
            }
            return received(actions.receive(card, openid, offered.outerStr(), offered.outerId(), offered.code(),
                    Json.text(body, "nickname"), Json.text(body, "sex"), Json.text(body, "unionid")))
                    .put("card_id", card.id);
        });
        control.get(app, "/sandbox/cards/{card_id}/codes/{code}", (ctx, body) -> actions.state(card(ctx), code(ctx)));
        control.post(app, "/sandbox/cards/{card_id}/codes/{code}/form", (ctx, body) ->
                actions.submitForm(card(ctx), code(ctx), body));
        control.post(app, "/sandbox/cards/{card_id}/codes/{code}/wechat-side-change", (ctx, body) -> {
            Long bonusDelta = Json.integer(body, "bonus_delta");
            Long balanceDelta = Json.integer(body, "balance_delta");
            if (bonusDelta == null && balanceDelta == null) {
                throw WxException.missingField("bonus_delta or balance_delta");
            }
            MemberCards.Updated updated = memberCards.wechatSideChange(card(ctx), code(ctx),
                    bonusDelta == null ? 0 : bonusDelta, balanceDelta == null ? 0 : balanceDelta,
                    Json.text(body, "reason"), Json.bool(body, "push", true));
            return Json.object().put("result_bonus", updated.resultBonus())
                    .put("result_balance", updated.resultBalance()).put("openid", updated.openid());
        });
        control.post(app, "/sandbox/cards/{card_id}/codes/{code}/delete", (ctx, body) -> {
            actions.deleteByMember(card(ctx), code(ctx));
            return null;
        });
        control.post(app, "/sandbox/cards/{card_id}/codes/{code}/restore", (ctx, body) -> {
            actions.restoreByMember(card(ctx), code(ctx));
            return null;
        });
    }

    private static ObjectNode received(MemberActions.Received received) {
        ObjectNode out = Json.object().put("code", received.code()).put("encrypt_code", received.encryptCode());
        if (received.activateUrl() != null) {
            out.put("activate_url", received.activateUrl());
        }
        return out;
    }

    private Card card(Context ctx) {
        Card card = cards.find(ctx.pathParam("card_id"));
        if (card == null) {
            throw new WxException(40073, "invalid card_id: " + ctx.pathParam("card_id"));
        }
        return card;
    }

    private static String code(Context ctx) {
        return ctx.pathParam("code");
    }
}
