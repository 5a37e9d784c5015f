package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The code endpoints and the member-card endpoints: what a merchant does with its members' codes. */
final class MemberRoutes {
    private final Apps apps;
    private final Cards cards;
    private final Members members;
    private final MemberCards memberCards;
    private final CodeUse codeUse;

    MemberRoutes(Apps apps, Cards cards, Members members, MemberCards memberCards, CodeUse codeUse) {
        this.apps = apps;
        this.cards = cards;
        this.members = members;
        this.memberCards = memberCards;
        this.codeUse = codeUse;
    }

    void register(OaEndpoint oa) {
        oa.query("/card/code/get", call -> members.codeInfo(call.appId, call.text("card_id"),
                call.text("code"), Json.bool(call.body(), "check_consume", true)));
        oa.query("/card/code/decrypt", call ->
                Json.object().put("code", members.decrypt(call.appId, call.requiredText("encrypt_code"))));
        oa.post("/card/code/consume", call -> codeUse.consume(call.appId, call.text("card_id"), call.text("code")));
        oa.post("/card/code/update", call -> {
            codeUse.changeCode(call.appId, call.text("card_id"), call.text("code"), call.text("new_code"));
            return null;
        });
        oa.post("/card/code/unavailable", call -> {
            members.makeUnavailable(call.appId, call.text("card_id"), call.text("code"), call.text("reason"));
            return null;
        });
        oa.query("/card/user/getcardlist", call -> {
            ObjectNode out = Json.object();
            out.set("card_list", members.cardList(call.appId, call.requiredText("openid"), call.text("card_id")));
            return out.put("has_share_card", false);
        });
        oa.post("/card/membercard/activate", call -> {
            ImageHosts.require("background_pic_url", call.text("background_pic_url"));
            memberCards.activate(call.appId, new MemberCards.Activation(call.text("card_id"), call.text("code"),
                    call.requiredText("membership_number"), call.text("background_pic_url"),
                    call.integer("activate_begin_time"), call.integer("activate_end_time"),
                    call.integer("init_bonus"), call.integer("init_balance"), customValues(call.body(), "init_")));
            return null;
        });
        oa.post("/card/membercard/activateuserform/set", call -> {
            Card card = cards.of(call.appId, call.text("card_id"));
            ActivationForm.validate(call.body());
            card.setActivateForm(call.body());
            return null;
        });
        oa.query("/card/membercard/activate/geturl", call -> {
            Card card = cards.of(call.appId, call.text("card_id"));
            String outerStr = call.text("outer_str");
            Apps.Registered app = apps.byAppId(call.appId).orElseThrow();
            String url = "https://mp.weixin.qq.com/bizmall/activatemembercard?action=preshow&&encrypt_card_id="
                    + encode(Base64.getEncoder().encodeToString(card.id.getBytes(StandardCharsets.UTF_8)))
                    + "&outer_str=" + encode(outerStr == null ? "" : outerStr)
                    + "&biz=" + encode(Base64.getEncoder().encodeToString(
                            app.originalId().getBytes(StandardCharsets.UTF_8)))
                    + "#wechat_redirect";
            return Json.object().put("url", url);
        });
        oa.query("/card/membercard/activatetempinfo/get", call -> {
            ObjectNode out = Json.object();
            out.set("info", members.activationAnswers(call.appId, call.requiredText("activate_ticket")));
            return out;
        });
        oa.query("/card/membercard/userinfo/get", call ->
                memberCards.userInfo(call.appId, call.text("card_id"), call.text("code")));
        oa.post("/card/membercard/updateuser", call -> {
            ImageHosts.require("background_pic_url", call.text("background_pic_url"));
            MemberCards.Updated updated = memberCards.updateUser(call.appId, new MemberCards.Update(call.text("card_id"),
                    call.text("code"), call.integer("bonus"), call.integer("add_bonus"), call.text("record_bonus"),
                    call.integer("balance"), call.integer("add_balance"), call.text("record_balance"),
                    call.text("background_pic_url"), customValues(call.body(), ""), MemberCards.Notify.of(call.body())));
            return Json.object().put("result_bonus", updated.resultBonus())
                    .put("result_balance", updated.resultBalance()).put("openid", updated.openid());
        });
    }

    /** custom_field_value1..3, with a prefix ("init_" for activate). */
    private static String[] customValues(JsonNode body, String prefix) {
        return new String[] {Json.text(body, prefix + "custom_field_value1"),
            Json.text(body, prefix + "custom_field_value2"), Json.text(body, prefix + "custom_field_value3")};
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
