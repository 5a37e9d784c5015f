package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;

/** Template messages: the Official Account endpoint, and the control API that plays followers and shows what was sent. */
final class MessageRoutes {
    private final TemplateMessages messages;

    MessageRoutes(TemplateMessages messages) {
        this.messages = messages;
    }

    void register(OaEndpoint oa) {
        oa.post("/cgi-bin/message/template/send", call -> Json.object().put("msgid",
                messages.send(call.appId, call.body())));
    }

    void register(Javalin app, ControlRoutes control) {
        control.post(app, "/sandbox/apps/{appid}/followers/{openid}/unfollow", (ctx, body) -> {
            messages.setFollowing(ctx.pathParam("appid"), ctx.pathParam("openid"), false);
            return null;
        });
        control.post(app, "/sandbox/apps/{appid}/followers/{openid}/follow", (ctx, body) -> {
            messages.setFollowing(ctx.pathParam("appid"), ctx.pathParam("openid"), true);
            return null;
        });
        control.get(app, "/sandbox/apps/{appid}/template-messages", (ctx, body) -> {
            ObjectNode out = Json.object();
            out.set("messages", messages.sentBy(ctx.pathParam("appid")));
            return out;
        });
    }
}
