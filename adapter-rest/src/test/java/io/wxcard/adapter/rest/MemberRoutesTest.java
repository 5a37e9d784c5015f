package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberRoutesTest {

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

    @Test
    void finds_a_one_click_member_by_phone_in_either_form_masked_and_reads_the_profile_in_full() {
        String cardId = m.approved(Cards.oneClick());
        String code = m.received(cardId, "oAlice");
        h.wechat.submitForm(m.wechatCardId(cardId), m.key(cardId, code).code(), Map.of(
                "USER_FORM_INFO_FLAG_MOBILE", "138 0013 8000", "USER_FORM_INFO_FLAG_NAME", "王小明"));
        assertThat(m.http.post("/v1/cards/" + cardId + "/memberships/" + code + "/pull", null).status()).isEqualTo(200);

        JsonNode found = m.http.get("/v1/members?phone=%2B86%2013800138000").json();

        assertThat(found.get("items")).hasSize(1);
        JsonNode member = found.at("/items/0");
        assertThat(member.get("card_id").asText()).isEqualTo(cardId);
        assertThat(member.get("code").asText()).isEqualTo(code);
        assertThat(member.get("state").asText()).isEqualTo("ACTIVATED");
        assertThat(member.get("phone").asText()).isEqualTo("138****8000");
        assertThat(found.toString()).doesNotContain("13800138000", "王小明");

        JsonNode profile = m.http.get("/v1/cards/" + cardId + "/memberships/" + code + "/profile").json();
        assertThat(profile.get("phone_normalised").asText()).isEqualTo("13800138000");
        assertThat(profile.at("/fields/USER_FORM_INFO_FLAG_NAME").asText()).isEqualTo("王小明");
        assertThat(m.http.get("/v1/members?openid=oAlice").json().get("items")).hasSize(1);
        JsonNode listed = m.http.get("/v1/cards/" + cardId + "/memberships").json();
        assertThat(listed.at("/items/0/form_answers/USER_FORM_INFO_FLAG_MOBILE").asText()).isEqualTo("138****8000");
        assertThat(m.http.get("/v1/cards/" + cardId + "/memberships/" + code).json()
                .at("/form_answers/USER_FORM_INFO_FLAG_MOBILE").asText()).isEqualTo("138 0013 8000");
    }

    @Test
    void another_tenant_finds_nothing_and_cannot_read_the_profile() {
        String cardId = m.approved(Cards.oneClick());
        String code = m.received(cardId, "oAlice");
        Merchant other = h.newMerchant();

        assertThat(other.http.get("/v1/members?openid=oAlice").json().get("items")).isEmpty();
        assertThat(other.http.get("/v1/cards/" + cardId + "/memberships/" + code + "/profile").status())
                .isEqualTo(404);
    }

    @Test
    void refuses_an_unknown_filter_none_or_two_and_a_phone_that_is_not_one_naming_the_parameter() {
        Http.Answer unknown = m.http.get("/v1/members?email=a@b.c");
        Http.Answer none = m.http.get("/v1/members");
        Http.Answer two = m.http.get("/v1/members?openid=a&unionid=b");
        Http.Answer notAPhone = m.http.get("/v1/members?phone=call-me-maybe");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("email");
        assertThat(none.status()).isEqualTo(400);
        assertThat(two.status()).isEqualTo(400);
        assertThat(notAPhone.status()).isEqualTo(400);
        assertThat(notAPhone.json().at("/errors/0/field").asText()).isEqualTo("phone");
        assertThat(notAPhone.json().toString()).doesNotContain("call-me-maybe");
    }
}
