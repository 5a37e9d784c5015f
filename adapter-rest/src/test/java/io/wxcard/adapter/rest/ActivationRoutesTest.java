package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The activation page's routes over the real services (in-memory WeChat: encrypt_code "enc:CODE"). */
class ActivationRoutesTest {

    private static ApiHarness h;
    private Merchant m;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void newTenant() {
        m = h.newMerchant();
    }

    private static String visit(String wechatCardId, String encryptCode, String openid, String ticket) {
        return Http.json(ticket == null
                ? Map.of("card_id", wechatCardId, "encrypt_code", encryptCode, "openid", openid, "outer_str", "store_1")
                : Map.of("card_id", wechatCardId, "encrypt_code", encryptCode, "openid", openid,
                        "activate_ticket", ticket));
    }

    @Test
    void opens_a_session_shows_the_form_answers_and_activates_once_answering_a_repeat_from_the_first() {
        String[] member = m.member(Cards.merchantPage());
        String wechatCardId = m.wechatCardId(member[0]).value();
        String ticket = "ticket-" + member[1];
        h.wechat.formSubmitted(ticket, Map.of("USER_FORM_INFO_FLAG_MOBILE", "13900139000"));

        Http.Answer opened = m.http.post("/v1/activation-sessions", visit(wechatCardId, "enc:" + member[1],
                "o_member_" + member[0], ticket));

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode session = opened.json();
        assertThat(session.get("state").asText()).isEqualTo("OPEN");
        assertThat(session.get("code").asText()).isEqualTo(member[1]);
        assertThat(session.at("/form_answers/USER_FORM_INFO_FLAG_MOBILE").asText()).isEqualTo("13900139000");
        assertThat(session.at("/membership/state").asText()).isEqualTo("ISSUED");
        assertThat(session.get("known_members")).isEmpty();
        String path = "/v1/activation-sessions/" + session.get("id").asText();
        assertThat(m.http.get(path).json().get("id").asText()).isEqualTo(session.get("id").asText());

        Http.Answer activated = m.http.post(path + "/activate", "{\"membership_number\":\"VIP-7\",\"init_bonus\":50}");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.json().get("state").asText()).isEqualTo("ACTIVATED");
        assertThat(activated.json().at("/membership/points").asLong()).isEqualTo(50);
        assertThat(activated.json().get("repeated").asBoolean()).isFalse();

        Http.Answer again = m.http.post(path + "/activate", "{\"membership_number\":\"VIP-8\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header(MembershipRoutes.REPLAYED)).isEqualTo("true");
        assertThat(again.json().at("/activation/membership_number").asText()).isEqualTo("VIP-7");
        assertThat(again.json().get("repeated").asBoolean()).isTrue();
    }

    @Test
    void refuses_a_tampered_encrypt_code_a_stale_ticket_and_another_tenants_card_naming_the_parameter() {
        String[] member = m.member(Cards.merchantPage());
        String wechatCardId = m.wechatCardId(member[0]).value();
        String openid = "o_member_" + member[0];

        Http.Answer tampered = m.http.post("/v1/activation-sessions", visit(wechatCardId, "tampered", openid, null));
        Http.Answer stale = m.http.post("/v1/activation-sessions", visit(wechatCardId, "enc:" + member[1], openid,
                "expired"));
        Http.Answer elsewhere = h.newMerchant().http.post("/v1/activation-sessions", visit(wechatCardId,
                "enc:" + member[1], openid, null));

        assertThat(tampered.status()).isEqualTo(422);
        assertThat(tampered.json().get("code").asText()).isEqualTo("ACTIVATION_PARAMETERS_INVALID");
        assertThat(tampered.json().get("detail").asText()).contains("encrypt_code");
        assertThat(stale.status()).isEqualTo(422);
        assertThat(stale.json().get("detail").asText()).contains("activate_ticket");
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().get("detail").asText()).contains("not a card of this account");
        assertThat(m.membership(member[0], member[1]).state().name()).isEqualTo("ISSUED");
    }

    @Test
    void refuses_a_visit_without_its_parameters_and_an_unknown_session() {
        Http.Answer missing = m.http.post("/v1/activation-sessions", "{\"card_id\":\"pX\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("encrypt_code", "openid");
        assertThat(m.http.get("/v1/activation-sessions/act_nope").status()).isEqualTo(404);
        assertThat(m.http.post("/v1/activation-sessions/has%20space/activate", "{}").status()).isEqualTo(404);
    }
}
