package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code /cgi-bin/token}, {@code /cgi-bin/stable_token} and {@code /cgi-bin/ticket/getticket}. */
final class CredentialRoutes {
    private final Apps apps;
    private final Tokens tokens;
    private final Stats stats;

    CredentialRoutes(Apps apps, Tokens tokens, Stats stats) {
        this.apps = apps;
        this.tokens = tokens;
        this.stats = stats;
    }

    void register(OaEndpoint oa) {
        oa.open("GET", "/cgi-bin/token", call -> {
            String appId = call.ctx.queryParam("appid");
            checkCredentials(call, call.ctx.queryParam("grant_type"), appId, call.ctx.queryParam("secret"));
            return answer(tokens.fetch(appId), "access_token");
        });
        oa.open("POST", "/cgi-bin/token", call -> {
            throw new WxException(43001, "require GET method");
        });
        oa.open("POST", "/cgi-bin/stable_token", call -> {
            String appId = call.text("appid");
            checkCredentials(call, call.text("grant_type"), appId, call.text("secret"));
            return answer(tokens.fetchStable(appId, Json.bool(call.body(), "force_refresh", false)), "access_token");
        });
        oa.get("/cgi-bin/ticket/getticket", call -> {
            String type = call.ctx.queryParam("type");
            if (!"wx_card".equals(type)) {
                throw WxException.invalidArgs("type must be wx_card (the card api ticket; jsapi is not simulated)");
            }
            return answer(tokens.cardTicket(call.appId), "ticket");
        });
    }

    /** WeChat's order of refusals: appid missing, grant_type, unknown appid, secret missing, wrong secret. */
    private void checkCredentials(OaCall call, String grantType, String appId, String secret) {
        if (appId == null || appId.isEmpty()) {
            throw new WxException(41002, "appid missing");
        }
        call.appId = appId;
        if (!"client_credential".equals(grantType)) {
            throw new WxException(40002, "invalid grant_type");
        }
        Apps.Registered app = apps.byAppId(appId).orElseThrow(() -> new WxException(40013, "invalid appid"));
        if (secret == null || secret.isEmpty()) {
            throw new WxException(41004, "appsecret missing");
        }
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                app.app().appSecret().getBytes(StandardCharsets.UTF_8))) {
            throw new WxException(40125, "invalid appsecret");
        }
        stats.tokenFetches.increment();
    }

    private static ObjectNode answer(Tokens.Issued issued, String field) {
        return Json.object().put(field, issued.value()).put("expires_in", issued.expiresInSeconds());
    }
}
