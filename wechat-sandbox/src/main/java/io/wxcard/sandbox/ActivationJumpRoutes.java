package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The control route that plays "the member taps Activate": {@code POST /sandbox/cards/{card_id}/codes/{code}/
 * activate-tap} (the body, for a card handing over after WeChat's form, is what the member submits there). A web page
 * is answered as WeChat's browser is sent there: 302 with the page and WeChat's parameters in {@code Location}; a
 * mini program as 200 with its user name, path and parameters. Refusals as the control API answers them.
 */
final class ActivationJumpRoutes {
    private final ActivationJump jump;
    private final Cards cards;
    private final Members members;
    private final StateChanges changes;

    ActivationJumpRoutes(ActivationJump jump, Cards cards, Members members, StateChanges changes) {
        this.jump = jump;
        this.cards = cards;
        this.members = members;
        this.changes = changes;
    }

    void register(Javalin app, ControlRoutes control) {
        app.post("/sandbox/cards/{card_id}/codes/{code}/activate-tap", this::tap);
        control.post(app, "/sandbox/activate-tickets/{ticket}/expire", (ctx, body) -> {
            members.expireTicket(ctx.pathParam("ticket"));
            return null;
        });
    }

    private void tap(Context ctx) {
        ObjectNode answer = Json.object();
        int status;
        try {
            Card card = cards.find(ctx.pathParam("card_id"));
            if (card == null) {
                throw new WxException(40073, "invalid card_id: " + ctx.pathParam("card_id"));
            }
            ObjectNode form = ctx.body().isBlank() ? Json.object() : Json.parseObject(ctx.body());
            ActivationJump.Jump to = jump.tap(card, ctx.pathParam("code"), form);
            changes.changed();
            answer.put("errcode", 0).put("errmsg", "ok").setAll(to.toJson());
            status = to.location() == null ? 200 : 302;
            if (to.location() != null) {
                ctx.header("Location", to.location());
            }
        } catch (WxException refusal) {
            status = refusal.errcode == 40073 || refusal.errcode == 40056 ? 404 : 400;
            answer.put("errcode", refusal.errcode).put("errmsg", refusal.errmsg());
        }
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.utf8(answer));
    }
}
