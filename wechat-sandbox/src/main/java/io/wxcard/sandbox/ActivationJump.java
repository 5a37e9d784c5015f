package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "The member taps Activate" on a card that activates on the merchant's side (FIDELITY.md sections 4 and 17): WeChat
 * opens the card's {@code activate_url}, or, after its one-click form, the {@code wx_activate_after_submit_url}, with
 * {@code card_id}, {@code encrypt_code}, {@code outer_str}, {@code openid} (and {@code activate_ticket} after the
 * form) appended; or it opens the mini program of {@code activate_app_brand_user_name} at
 * {@code activate_app_brand_pass} with the same parameters.
 */
final class ActivationJump {

    /** Where the member is sent: a web page, or a mini program's page with its query. */
    record Jump(String location, String appBrandUserName, String appBrandPath, Map<String, String> parameters) {
        ObjectNode toJson() {
            ObjectNode out = Json.object();
            if (location != null) {
                out.put("location", location);
            } else {
                out.put("app_brand_user_name", appBrandUserName).put("app_brand_pass", appBrandPath);
            }
            ObjectNode query = out.putObject("parameters");
            parameters.forEach(query::put);
            return out;
        }
    }

    private final MemberActions members;

    ActivationJump(MemberActions members) {
        this.members = members;
    }

    /**
     * The member taps Activate; for a card handing over after WeChat's form, {@code formAnswers} is what they submit
     * there first (so the form's rules apply and submit_membercard_user_info is pushed).
     */
    Jump tap(Card card, String code, ObjectNode formAnswers) {
        JsonNode memberCard = card.toJson().get("member_card");
        String openid;
        String encryptCode;
        String outerStr;
        synchronized (card) {
            Membership member = card.member(code);
            member.requireUsable();
            if (member.active) {
                throw WxException.invalidArgs("the card is already activated: WeChat shows no Activate button");
            }
            openid = member.openid;
            encryptCode = member.encryptCode;
            outerStr = member.outerStr;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("card_id", card.id);
        parameters.put("encrypt_code", encryptCode);
        parameters.put("outer_str", outerStr == null ? "" : outerStr);
        parameters.put("openid", openid);
        String page;
        if (card.options().wxActivate()) {
            page = text(memberCard, "wx_activate_after_submit_url");
            if (page == null || !card.options().wxActivateAfterSubmit()) {
                throw WxException.invalidArgs("the card's one-click form activates on WeChat (no "
                        + "wx_activate_after_submit_url): submit it with /form instead");
            }
            parameters.put("activate_ticket", members.submitForm(card, code, formAnswers).get("activate_ticket")
                    .asText());
        } else if (card.options().activateUrl() != null || text(memberCard, "activate_app_brand_user_name") != null) {
            page = card.options().activateUrl();
        } else {
            throw WxException.invalidArgs("the card activates itself (auto_activate): there is nothing to tap");
        }
        String appBrand = text(memberCard, "activate_app_brand_user_name");
        if (appBrand != null && !card.options().wxActivate()) {
            return new Jump(null, appBrand, text(memberCard, "activate_app_brand_pass"), parameters);
        }
        return new Jump(withQuery(page, parameters), null, null, parameters);
    }

    private static String withQuery(String url, Map<String, String> parameters) {
        StringBuilder out = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
        parameters.forEach((name, value) -> out.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static String text(JsonNode memberCard, String field) {
        String value = Json.text(memberCard, field);
        return value == null || value.isBlank() ? null : value;
    }
}
