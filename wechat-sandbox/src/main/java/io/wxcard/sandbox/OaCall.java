package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** One Official Account API call being handled: the HTTP context, the account (once known), the JSON body. */
final class OaCall {
    final Context ctx;
    /** The calling account: set from the access_token, or by the token endpoints from their appid. */
    String appId;
    private ObjectNode body;

    OaCall(Context ctx) {
        this.ctx = ctx;
    }

    /** The JSON body, read once: 44002 when empty, 47001 when malformed. */
    ObjectNode body() {
        if (body == null) {
            body = Json.parseObject(ctx.body());
        }
        return body;
    }

    String text(String field) {
        return Json.text(body(), field);
    }

    String requiredText(String field) {
        return Json.requiredText(body(), field);
    }

    Long integer(String field) {
        return Json.integer(body(), field);
    }
}
