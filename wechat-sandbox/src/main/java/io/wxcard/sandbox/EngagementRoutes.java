package io.wxcard.sandbox;

import io.javalin.Javalin;

/**
 * User tags, card messages and card statistics: the Official Account endpoints (issue 17), and the control API that
 * plays the member's side (writing to the account, reading what they received).
 */
final class EngagementRoutes {
    private final UserTags tags;
    private final CardMessages messages;
    private final Datacube datacube;

    EngagementRoutes(UserTags tags, CardMessages messages, Datacube datacube) {
        this.tags = tags;
        this.messages = messages;
        this.datacube = datacube;
    }

    void register(OaEndpoint oa, Javalin server, ControlRoutes control) {
        oa.post("/cgi-bin/tags/create", call -> tags.create(call.appId, call.body()));
        oa.get("/cgi-bin/tags/get", call -> tags.list(call.appId));
        oa.post("/cgi-bin/tags/update", call -> {
            tags.update(call.appId, call.body());
            return null;
        });
        oa.post("/cgi-bin/tags/delete", call -> {
            tags.delete(call.appId, call.body());
            return null;
        });
        oa.post("/cgi-bin/tags/members/batchtagging", call -> {
            tags.batchTagging(call.appId, call.body());
            return null;
        });
        oa.post("/cgi-bin/tags/members/batchuntagging", call -> {
            tags.batchUntagging(call.appId, call.body());
            return null;
        });
        oa.post("/cgi-bin/user/tag/get", call -> tags.fans(call.appId, call.body()));
        oa.post("/cgi-bin/message/mass/preview", call -> messages.preview(call.appId, call.body()));
        oa.post("/cgi-bin/message/mass/sendall", call -> messages.sendAll(call.appId, call.body()));
        oa.post("/cgi-bin/message/custom/send", call -> {
            messages.customSend(call.appId, call.body());
            return null;
        });
        oa.query("/datacube/getcardmembercarddetail", call -> datacube.memberCardDetail(call.appId, call.body()));
        oa.query("/datacube/getcardmembercardinfo", call -> datacube.memberCardInfo(call.appId, call.body()));
        oa.query("/datacube/getcardbizuininfo", call -> datacube.bizuinInfo(call.appId, call.body()));

        control.post(server, "/sandbox/apps/{appid}/users/{openid}/message", (ctx, body) -> {
            messages.memberWrote(ctx.pathParam("appid"), ctx.pathParam("openid"));
            return null;
        });
        control.get(server, "/sandbox/apps/{appid}/messages", (ctx, body) ->
                messages.received(ctx.pathParam("appid"), ctx.queryParam("openid")));
    }
}
