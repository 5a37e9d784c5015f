package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A started sandbox with one registered account, and the calls most tests begin with. Everything goes over HTTP.
 */
final class Fixture implements AutoCloseable {
    static final String APP_ID = "wx5c0e3f2a1b9d8c70";
    static final String SECRET = "s3cr3t-0123456789abcdef";
    static final String TOKEN = "tok648b7c3";

    final WechatSandbox sandbox;
    final Http http;
    private String accessToken;

    private Fixture(WechatSandbox sandbox) {
        this.sandbox = sandbox;
        this.http = new Http(sandbox.baseUrl());
    }

    static Fixture start(SandboxSettings settings, SandboxApp app) {
        Fixture fixture = new Fixture(WechatSandbox.start(settings));
        fixture.sandbox.registerApp(app);
        return fixture;
    }

    /** A sandbox without auto-review and an account without callback. */
    static Fixture start() {
        return start(SandboxSettings.defaults().withoutAutoReview(), SandboxApp.plain(APP_ID, SECRET, TOKEN, null));
    }

    /** A fresh access_token from /cgi-bin/token, kept for later calls. */
    String token() {
        if (accessToken == null) {
            Http.Response response = http.get("/cgi-bin/token?grant_type=client_credential&appid=" + APP_ID
                    + "&secret=" + SECRET);
            assertThat(response.json().has("errcode")).as(response.body()).isFalse(); // as WeChat: none on success
            accessToken = response.json().get("access_token").asText();
        }
        return accessToken;
    }

    /** POST to an Official Account endpoint with the access_token. */
    Http.Response oa(String path, String json) {
        return http.post(path + "?access_token=" + token(), json);
    }

    Http.Response oa(String path, JsonNode json) {
        return oa(path, Http.json(json));
    }

    Http.Response control(String path, String json) {
        return http.post(path, json);
    }

    /** A valid member_card definition: auto-activated, with bonus and balance, 100 in stock, one per member. */
    static ObjectNode memberCard() {
        try {
            return (ObjectNode) Http.JSON.readTree("""
                {"background_pic_url":"http://mmbiz.qpic.cn/mmbiz_jpg/bg/0",
                 "base_info":{"logo_url":"http://mmbiz.qpic.cn/logo.png","brand_name":"Tea House",
                   "code_type":"CODE_TYPE_QRCODE","title":"Gold Card","color":"Color010",
                   "notice":"Show the code","description":"Members earn one point per yuan.",
                   "date_info":{"type":"DATE_TYPE_PERMANENT"},"sku":{"quantity":100},"get_limit":1,
                   "service_phone":"020-88888888","unknown_future_field":{"x":1}},
                 "supply_bonus":true,"supply_balance":true,"prerogative":"10% off every drink",
                 "auto_activate":true,"custom_field1":{"name_type":"FIELD_NAME_TYPE_LEVEL","url":"https://x"}}
                """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode createBody(ObjectNode memberCard) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.putObject("card").put("card_type", "MEMBER_CARD").set("member_card", memberCard);
        return body;
    }

    String createCard(ObjectNode memberCard) {
        Http.Response response = oa("/card/create", createBody(memberCard));
        assertThat(response.errcode()).as(response.body()).isZero();
        return response.json().get("card_id").asText();
    }

    /** Creates the card and passes its review through the control API. */
    String approvedCard(ObjectNode memberCard) {
        String cardId = createCard(memberCard);
        Http.Response review = control("/sandbox/cards/" + cardId + "/review", "{\"result\":\"pass\"}");
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        return cardId;
    }

    /** The member with this openid receives the card; answers the code. */
    String receive(String cardId, String openid) {
        Http.Response response = control("/sandbox/cards/" + cardId + "/users",
                "{\"openid\":\"" + openid + "\",\"outer_str\":\"store_42\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("code").asText();
    }

    JsonNode state(String cardId, String code) {
        Http.Response response = http.get("/sandbox/cards/" + cardId + "/codes/" + code);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
