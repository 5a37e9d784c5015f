package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "The member taps Activate": WeChat sends them to the merchant's page with exactly what it appends (issue 20). */
class ActivationJumpTest {

    private static final AtomicInteger OPENIDS = new AtomicInteger();
    private static final String FORM = "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\","
            + "\"value\":\"13800138000\"}]}";
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String newOpenid() {
        return "oJumper" + OPENIDS.incrementAndGet();
    }

    private static ObjectNode card(String mode) {
        ObjectNode card = Fixture.memberCard();
        card.remove("auto_activate");
        switch (mode) {
            case "activate_url" -> card.put("activate_url", "https://merchant.example/activate?shop=1");
            case "after_submit" -> card.put("wx_activate", true)
                    .put("wx_activate_after_submit_url", "https://merchant.example/after-form");
            case "mini_program" -> card.put("activate_url", "https://merchant.example/old-clients")
                    .put("activate_app_brand_user_name", "gh_0123456789ab@app")
                    .put("activate_app_brand_pass", "pages/activate/index");
            default -> throw new IllegalArgumentException(mode);
        }
        return card;
    }

    private static Http.Response tap(String cardId, String code, String form) {
        return f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/activate-tap", form);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    void an_activate_url_card_sends_the_member_to_the_page_with_card_id_encrypt_code_outer_str_and_openid() {
        String cardId = f.approvedCard(card("activate_url"));
        String openid = newOpenid();
        JsonNode received = f.control("/sandbox/cards/" + cardId + "/users", "{\"openid\":\"" + openid
                + "\",\"outer_str\":\"poster 7\"}").json();
        String code = received.get("code").asText();

        Http.Response jump = tap(cardId, code, "");

        assertThat(jump.status()).as(jump.body()).isEqualTo(302);
        String location = jump.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://merchant.example/activate?shop=1&");
        Map<String, String> query = query(location);
        assertThat(query).containsOnlyKeys("shop", "card_id", "encrypt_code", "outer_str", "openid")
                .containsEntry("card_id", cardId).containsEntry("openid", openid)
                .containsEntry("outer_str", "poster 7");
        JsonNode decrypted = f.oa("/card/code/decrypt", "{\"encrypt_code\":\"" + query.get("encrypt_code") + "\"}")
                .json();
        assertThat(decrypted.get("code").asText()).isEqualTo(code);
    }

    @Test
    void after_the_one_click_form_the_member_lands_on_the_after_submit_url_with_a_ticket_that_expires() {
        String cardId = f.approvedCard(card("after_submit"));
        String code = f.receive(cardId, newOpenid());

        Http.Response jump = tap(cardId, code, FORM);

        assertThat(jump.status()).as(jump.body()).isEqualTo(302);
        Map<String, String> query = query(jump.headers().firstValue("Location").orElseThrow());
        assertThat(query).containsKeys("card_id", "encrypt_code", "outer_str", "openid", "activate_ticket");
        String ticket = query.get("activate_ticket");
        JsonNode answers = f.oa("/card/membercard/activatetempinfo/get", "{\"activate_ticket\":\"" + ticket + "\"}")
                .json();
        assertThat(answers.at("/info/common_field_list/0/value").asText()).isEqualTo("13800138000");
        assertThat(f.state(cardId, code).get("has_active").asBoolean())
                .as("the URL alone makes the card hand over instead of activating").isFalse();

        f.control("/sandbox/activate-tickets/" + ticket + "/expire", "");
        Http.Response stale = f.oa("/card/membercard/activatetempinfo/get", "{\"activate_ticket\":\"" + ticket
                + "\"}");
        assertThat(stale.errcode()).isEqualTo(40097);
        assertThat(stale.json().get("errmsg").asText()).contains("expired");
    }

    @Test
    void a_mini_program_card_opens_the_mini_program_and_an_activated_or_self_activating_card_has_nothing_to_tap() {
        String miniCard = f.approvedCard(card("mini_program"));
        Http.Response mini = tap(miniCard, f.receive(miniCard, newOpenid()), "");
        assertThat(mini.status()).as(mini.body()).isEqualTo(200);
        assertThat(mini.json().get("app_brand_user_name").asText()).isEqualTo("gh_0123456789ab@app");
        assertThat(mini.json().get("app_brand_pass").asText()).isEqualTo("pages/activate/index");
        assertThat(mini.json().at("/parameters/encrypt_code").asText()).isNotBlank();

        String auto = f.approvedCard(Fixture.memberCard());
        Http.Response nothing = tap(auto, f.receive(auto, newOpenid()), "");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.errcode()).isEqualTo(40097);
        assertThat(tap(auto, "999999999999", "").status()).isEqualTo(404);
    }
}
