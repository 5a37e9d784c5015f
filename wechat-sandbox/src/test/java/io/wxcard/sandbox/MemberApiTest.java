package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MemberApiTest {
    private static final AtomicInteger OPENIDS = new AtomicInteger();
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
        return "oMember" + OPENIDS.incrementAndGet();
    }

    private static String body(String cardId, String code, String more) {
        return "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code + "\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private static Http.Response receive(String cardId, String openid) {
        return f.control("/sandbox/cards/" + cardId + "/users", "{\"openid\":\"" + openid + "\"}");
    }

    private static ObjectNode activateUrlCard() {
        ObjectNode card = Fixture.memberCard();
        card.remove("auto_activate");
        card.put("activate_url", "https://merchant.example/activate");
        return card;
    }

    private static ObjectNode oneClickCard(boolean afterSubmit) {
        ObjectNode card = Fixture.memberCard();
        card.remove("auto_activate");
        card.put("wx_activate", true).put("wx_activate_after_submit", afterSubmit);
        return card;
    }

    @Test
    void a_member_receives_an_auto_activated_card_and_stock_goes_down() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String openid = newOpenid();

        String code = f.receive(cardId, openid);

        assertThat(code).matches("[1-9]\\d{11}");
        JsonNode state = f.state(cardId, code);
        assertThat(state.get("openid").asText()).isEqualTo(openid);
        assertThat(state.get("has_active").asBoolean()).isTrue();
        assertThat(state.get("membership_number").asText()).isEqualTo(code);
        assertThat(state.get("user_card_status").asText()).isEqualTo("NORMAL");
        JsonNode card = f.oa("/card/get", "{\"card_id\":\"" + cardId + "\"}").json().get("card")
                .get("member_card").get("base_info");
        assertThat(card.get("sku").get("quantity").asInt()).isEqualTo(99);
        assertThat(card.get("status").asText()).isEqualTo("CARD_STATUS_DISPATCH");
    }

    @Test
    void get_limit_stock_and_review_status_are_enforced_when_members_receive() {
        ObjectNode definition = Fixture.memberCard();
        ((ObjectNode) definition.get("base_info").get("sku")).put("quantity", 2);
        String cardId = f.approvedCard(definition);
        String openid = newOpenid();
        f.receive(cardId, openid);

        assertThat(receive(cardId, openid).json().get("errcode").asInt()).isEqualTo(45033);
        f.receive(cardId, newOpenid());
        Http.Response noStock = receive(cardId, newOpenid());
        assertThat(noStock.status()).isEqualTo(400);
        assertThat(noStock.json().get("errcode").asInt()).isEqualTo(45031);

        String underReview = f.createCard(Fixture.memberCard());
        assertThat(receive(underReview, newOpenid()).json().get("errcode").asInt()).isEqualTo(40078);
        String tester = newOpenid();
        f.oa("/card/testwhitelist/set", "{\"openid\":[\"" + tester + "\"]}");
        assertThat(receive(underReview, tester).status()).isEqualTo(200);

        Http.Response unknown = receive("pUnknownCard", newOpenid());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("errcode").asInt()).isEqualTo(40073);
    }

    @Test
    void code_get_shows_the_code_and_refuses_deleted_or_unavailable_codes_when_checking_consumption() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String openid = newOpenid();
        String code = f.receive(cardId, openid);

        JsonNode info = f.oa("/card/code/get", body(cardId, code, "\"check_consume\":true")).json();
        assertThat(info.get("errcode").asInt()).isZero();
        assertThat(info.get("openid").asText()).isEqualTo(openid);
        assertThat(info.get("card").get("card_id").asText()).isEqualTo(cardId);
        assertThat(info.get("card").get("begin_time").asLong()).isPositive();
        assertThat(info.get("card").get("end_time").asLong()).isGreaterThan(info.get("card").get("begin_time")
                .asLong());
        assertThat(info.get("can_consume").asBoolean()).isTrue();
        assertThat(info.get("user_card_status").asText()).isEqualTo("NORMAL");
        assertThat(info.get("outer_str").asText()).isEqualTo("store_42");
        // without card_id the code is found among the account's cards
        assertThat(f.oa("/card/code/get", "{\"code\":\"" + code + "\"}").errcode()).isZero();
        assertThat(f.oa("/card/code/get", body(cardId, "999999999999", "")).errcode()).isEqualTo(40056);

        assertThat(f.oa("/card/code/unavailable", body(cardId, code, "\"reason\":\"fraud\"")).errcode()).isZero();
        assertThat(f.oa("/card/code/unavailable", body(cardId, code, "")).errcode()).isEqualTo(40099);
        assertThat(f.oa("/card/code/get", body(cardId, code, "")).errcode()).isEqualTo(40127);
        JsonNode unchecked = f.oa("/card/code/get", body(cardId, code, "\"check_consume\":false")).json();
        assertThat(unchecked.get("user_card_status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(unchecked.get("can_consume").asBoolean()).isFalse();
    }

    @Test
    void a_member_deletes_and_restores_the_card() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String code = f.receive(cardId, newOpenid());

        assertThat(f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/delete", "").status()).isEqualTo(200);
        assertThat(f.state(cardId, code).get("user_card_status").asText()).isEqualTo("DELETE");
        assertThat(f.oa("/card/code/get", body(cardId, code, "")).errcode()).isEqualTo(40127);
        assertThat(f.oa("/card/membercard/updateuser", body(cardId, code, "\"add_bonus\":1")).errcode())
                .isEqualTo(40127);
        assertThat(f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/delete", "").json()
                .get("errcode").asInt()).isEqualTo(40127);

        assertThat(f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/restore", "").status())
                .isEqualTo(200);
        assertThat(f.state(cardId, code).get("user_card_status").asText()).isEqualTo("NORMAL");
        assertThat(f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/restore", "").json()
                .get("errcode").asInt()).isEqualTo(40097);
    }

    @Test
    void getcardlist_lists_the_codes_in_the_members_wallet() {
        String first = f.approvedCard(Fixture.memberCard());
        String second = f.approvedCard(Fixture.memberCard());
        String openid = newOpenid();
        String firstCode = f.receive(first, openid);
        String secondCode = f.receive(second, openid);

        JsonNode all = f.oa("/card/user/getcardlist", "{\"openid\":\"" + openid + "\"}").json();
        assertThat(all.get("card_list")).extracting(c -> c.get("code").asText())
                .containsExactlyInAnyOrder(firstCode, secondCode);
        assertThat(all.get("has_share_card").asBoolean()).isFalse();

        JsonNode one = f.oa("/card/user/getcardlist", "{\"openid\":\"" + openid + "\",\"card_id\":\"" + second
                + "\"}").json();
        assertThat(one.get("card_list")).extracting(c -> c.get("code").asText()).containsExactly(secondCode);
        assertThat(f.oa("/card/user/getcardlist", "{}").errcode()).isEqualTo(41011);
    }

    @Test
    void activate_url_cards_are_activated_by_the_merchant_with_the_decrypted_code() {
        String cardId = f.approvedCard(activateUrlCard());
        Http.Response received = receive(cardId, newOpenid());
        String code = received.json().get("code").asText();
        String encryptCode = received.json().get("encrypt_code").asText();
        assertThat(received.json().get("activate_url").asText())
                .startsWith("https://merchant.example/activate?card_id=" + cardId + "&encrypt_code=");
        assertThat(f.state(cardId, code).get("has_active").asBoolean()).isFalse();

        JsonNode decrypted = f.oa("/card/code/decrypt", Http.json(java.util.Map.of("encrypt_code", encryptCode)))
                .json();
        assertThat(decrypted.get("code").asText()).isEqualTo(code);
        assertThat(f.oa("/card/code/decrypt", "{\"encrypt_code\":\"bogus\"}").errcode()).isEqualTo(40075);

        Http.Response activate = f.oa("/card/membercard/activate", body(cardId, code,
                "\"membership_number\":\"M-001\",\"init_bonus\":100,\"init_balance\":2500,"
                        + "\"init_custom_field_value1\":\"Gold\""));
        assertThat(activate.errcode()).as(activate.body()).isZero();

        JsonNode info = f.oa("/card/membercard/userinfo/get", body(cardId, code, "")).json();
        assertThat(info.get("has_active").asBoolean()).isTrue();
        assertThat(info.get("membership_number").asText()).isEqualTo("M-001");
        assertThat(info.get("bonus").asLong()).isEqualTo(100);
        assertThat(info.get("balance").asLong()).isEqualTo(2500);
        assertThat(info.get("user_card_status").asText()).isEqualTo("NORMAL");
        assertThat(info.get("user_info").get("common_field_list").isArray()).isTrue();
        assertThat(f.state(cardId, code).get("custom_field_value1").asText()).isEqualTo("Gold");

        // a retry of the same activation is harmless; another membership number is refused
        assertThat(f.oa("/card/membercard/activate", body(cardId, code, "\"membership_number\":\"M-001\","
                + "\"init_bonus\":100")).errcode()).isZero();
        assertThat(f.state(cardId, code).get("bonus").asLong()).isEqualTo(100);
        assertThat(f.oa("/card/membercard/activate", body(cardId, code, "\"membership_number\":\"M-002\""))
                .errcode()).isEqualTo(40097);
        assertThat(f.oa("/card/membercard/activate", body(cardId, code, "")).errcode()).isEqualTo(41011);
    }

    @Test
    void activation_is_refused_on_deleted_cards_deleted_codes_and_without_stored_value() {
        String deletedCard = f.approvedCard(activateUrlCard());
        String code = f.receive(deletedCard, newOpenid());
        f.oa("/card/delete", "{\"card_id\":\"" + deletedCard + "\"}");
        assertThat(f.oa("/card/membercard/activate", body(deletedCard, code, "\"membership_number\":\"1\""))
                .errcode()).isEqualTo(40078);

        String cardId = f.approvedCard(activateUrlCard());
        String deletedCode = f.receive(cardId, newOpenid());
        f.control("/sandbox/cards/" + cardId + "/codes/" + deletedCode + "/delete", "");
        assertThat(f.oa("/card/membercard/activate", body(cardId, deletedCode, "\"membership_number\":\"1\""))
                .errcode()).isEqualTo(40127);

        ObjectNode noStoredValue = activateUrlCard().put("supply_balance", false);
        String plainCard = f.approvedCard(noStoredValue);
        String plainCode = f.receive(plainCard, newOpenid());
        assertThat(f.oa("/card/membercard/activate", body(plainCard, plainCode,
                "\"membership_number\":\"1\",\"init_balance\":100")).errcode()).isEqualTo(43010);
    }

    @Test
    void updateuser_absolute_totals_are_idempotent_and_add_alone_is_not() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String code = f.receive(cardId, newOpenid());

        for (int attempt = 0; attempt < 2; attempt++) {
            JsonNode answer = f.oa("/card/membercard/updateuser", body(cardId, code,
                    "\"bonus\":150,\"add_bonus\":50,\"record_bonus\":\"order 1\",\"balance\":900,\"add_balance\":900"))
                    .json();
            assertThat(answer.get("errcode").asInt()).isZero();
            assertThat(answer.get("result_bonus").asLong()).isEqualTo(150);
            assertThat(answer.get("result_balance").asLong()).isEqualTo(900);
            assertThat(answer.get("openid").asText()).startsWith("oMember");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            f.oa("/card/membercard/updateuser", body(cardId, code, "\"add_bonus\":10,\"add_balance\":-100"));
        }

        JsonNode state = f.state(cardId, code);
        assertThat(state.get("bonus").asLong()).isEqualTo(170);
        assertThat(state.get("balance").asLong()).isEqualTo(700);
        assertThat(state.get("changes")).hasSize(3);
        assertThat(state.get("changes").get(0).get("record_bonus").asText()).isEqualTo("order 1");
    }

    @Test
    void updateuser_refuses_negative_results_missing_permissions_and_inactive_codes() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String code = f.receive(cardId, newOpenid());
        f.oa("/card/membercard/updateuser", body(cardId, code, "\"bonus\":10,\"balance\":100"));

        Http.Response overdraw = f.oa("/card/membercard/updateuser", body(cardId, code,
                "\"add_bonus\":5,\"add_balance\":-101"));
        assertThat(overdraw.errcode()).isEqualTo(40097);
        JsonNode unchanged = f.state(cardId, code);
        assertThat(unchanged.get("bonus").asLong()).isEqualTo(10);
        assertThat(unchanged.get("balance").asLong()).isEqualTo(100);

        String noStoredValue = f.approvedCard(Fixture.memberCard().put("supply_balance", false));
        String plainCode = f.receive(noStoredValue, newOpenid());
        assertThat(f.oa("/card/membercard/updateuser", body(noStoredValue, plainCode, "\"add_balance\":1"))
                .errcode()).isEqualTo(43010);
        assertThat(f.oa("/card/membercard/updateuser", body(noStoredValue, plainCode, "\"add_bonus\":1"))
                .errcode()).isZero();

        String notActive = f.approvedCard(activateUrlCard());
        String inactiveCode = f.receive(notActive, newOpenid());
        assertThat(f.oa("/card/membercard/updateuser", body(notActive, inactiveCode, "\"add_bonus\":1"))
                .errcode()).isEqualTo(40078);
        assertThat(f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\"}").errcode())
                .isEqualTo(41011);
        assertThat(f.oa("/card/membercard/updateuser", body(cardId, code, "\"add_bonus\":\"ten\"")).errcode())
                .isEqualTo(47001);
        assertThat(f.oa("/card/membercard/updateuser", body(cardId, code, "\"add_balance\":0.5")).errcode())
                .isEqualTo(47001);
    }

    @Test
    void amounts_written_as_whole_doubles_are_read_as_integers() {
        // WxJava models balance and init_balance as Double and sends 5000.0
        String cardId = f.approvedCard(activateUrlCard());
        String code = f.receive(cardId, newOpenid());
        assertThat(f.oa("/card/membercard/activate", body(cardId, code,
                "\"membership_number\":\"D-1\",\"init_bonus\":10,\"init_balance\":5000.0")).errcode()).isZero();

        Http.Response update = f.oa("/card/membercard/updateuser", body(cardId, code,
                "\"balance\":4500.0,\"add_balance\":-500.0,\"bonus\":1.2e1"));

        assertThat(update.errcode()).as(update.body()).isZero();
        assertThat(update.json().get("result_balance").asLong()).isEqualTo(4500);
        assertThat(update.json().get("result_bonus").asLong()).isEqualTo(12);
        assertThat(f.state(cardId, code).get("balance").asLong()).isEqualTo(4500);
        assertThat(f.oa("/card/membercard/updateuser", body(cardId, code, "\"balance\":4500.25")).errcode())
                .isEqualTo(47001);
        assertThat(f.state(cardId, code).get("balance").asLong()).isEqualTo(4500);
    }

    private static Http.Response wechatSideChange(String cardId, String code, String json) {
        return f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/wechat-side-change", json);
    }

    @Test
    void a_change_on_wechats_side_applies_the_deltas_and_refuses_what_wechat_would_not_do() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String code = f.receive(cardId, newOpenid());
        f.oa("/card/membercard/updateuser", body(cardId, code, "\"bonus\":10,\"balance\":100"));

        Http.Response overdraw = wechatSideChange(cardId, code, "{\"bonus_delta\":-11,\"balance_delta\":5}");
        assertThat(overdraw.status()).isEqualTo(400);
        assertThat(overdraw.errcode()).isEqualTo(40097);
        assertThat(wechatSideChange(cardId, code, "{\"bonus_delta\":0,\"balance_delta\":0}").status())
                .isEqualTo(400);
        assertThat(wechatSideChange(cardId, code, "{\"reason\":\"nothing\"}").errcode()).isEqualTo(41011);
        assertThat(wechatSideChange(cardId, "999999999999", "{\"bonus_delta\":1}").status()).isEqualTo(404);
        JsonNode unchanged = f.state(cardId, code);
        assertThat(unchanged.get("bonus").asLong()).isEqualTo(10);
        assertThat(unchanged.get("balance").asLong()).isEqualTo(100);
        assertThat(unchanged.get("changes")).hasSize(1);

        Http.Response applied = wechatSideChange(cardId, code, "{\"bonus_delta\":-10,\"balance_delta\":-100}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(f.oa("/card/membercard/userinfo/get", body(cardId, code, "")).json().get("bonus").asLong())
                .isZero();

        String notActive = f.approvedCard(activateUrlCard());
        String inactiveCode = receive(notActive, newOpenid()).json().get("code").asText();
        Http.Response inactive = wechatSideChange(notActive, inactiveCode, "{\"bonus_delta\":5}");
        assertThat(inactive.status()).isEqualTo(400);
        assertThat(inactive.errcode()).isEqualTo(40078);

        String noStoredValue = f.approvedCard(Fixture.memberCard().put("supply_balance", false));
        String plainCode = f.receive(noStoredValue, newOpenid());
        assertThat(wechatSideChange(noStoredValue, plainCode, "{\"balance_delta\":5}").errcode()).isEqualTo(43010);

        f.oa("/card/code/unavailable", body(cardId, code, ""));
        Http.Response unavailable = wechatSideChange(cardId, code, "{\"bonus_delta\":5}");
        assertThat(unavailable.status()).isEqualTo(400);
        assertThat(unavailable.errcode()).isEqualTo(40099);

        String deletedCard = f.approvedCard(Fixture.memberCard());
        String deletedCode = f.receive(deletedCard, newOpenid());
        f.control("/sandbox/cards/" + deletedCard + "/codes/" + deletedCode + "/delete", "");
        Http.Response deleted = wechatSideChange(deletedCard, deletedCode, "{\"bonus_delta\":5}");
        assertThat(deleted.status()).isEqualTo(400);
        assertThat(deleted.errcode()).isEqualTo(40127);
    }

    @Test
    void the_one_click_form_activates_the_card_and_its_answers_are_readable() {
        String cardId = f.approvedCard(oneClickCard(false));
        Http.Response form = f.oa("/card/membercard/activateuserform/set", "{\"card_id\":\"" + cardId + "\","
                + "\"service_statement\":{\"name\":\"terms\",\"url\":\"https://x\"},"
                + "\"required_form\":{\"can_modify\":false,\"common_field_id_list\":[\"USER_FORM_INFO_FLAG_MOBILE\"],"
                + "\"custom_field_list\":[\"favourite tea\"]},"
                + "\"optional_form\":{\"common_field_id_list\":[\"USER_FORM_INFO_FLAG_BIRTHDAY\"],"
                + "\"rich_field_list\":[{\"type\":\"FORM_FIELD_RADIO\",\"name\":\"size\",\"values\":[\"S\",\"L\"]}]}}");
        assertThat(form.errcode()).as(form.body()).isZero();
        String openid = newOpenid();
        String code = f.receive(cardId, openid);
        assertThat(f.state(cardId, code).get("has_active").asBoolean()).isFalse();

        Http.Response incomplete = f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/form",
                "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\",\"value\":\"13800000000\"}]}");
        assertThat(incomplete.json().get("errcode").asInt()).isEqualTo(41011);

        Http.Response submitted = f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/form",
                "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\",\"value\":\"13800000000\"}],"
                        + "\"custom_field_list\":[{\"name\":\"favourite tea\",\"value\":\"oolong\"},"
                        + "{\"name\":\"size\",\"value_list\":[\"L\"]}]}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("has_active").asBoolean()).isTrue();

        JsonNode info = f.oa("/card/membercard/userinfo/get", body(cardId, code, "")).json();
        assertThat(info.get("has_active").asBoolean()).isTrue();
        assertThat(info.get("openid").asText()).isEqualTo(openid);
        assertThat(info.get("user_info").get("common_field_list").get(0).get("value").asText())
                .isEqualTo("13800000000");
        assertThat(info.get("user_info").get("custom_field_list").get(1).get("value_list").get(0).asText())
                .isEqualTo("L");

        String ticket = submitted.json().get("activate_ticket").asText();
        JsonNode temp = f.oa("/card/membercard/activatetempinfo/get", "{\"activate_ticket\":\"" + ticket + "\"}")
                .json();
        assertThat(temp.get("errcode").asInt()).isZero();
        assertThat(temp.get("info").get("custom_field_list").get(0).get("value").asText()).isEqualTo("oolong");
        assertThat(f.oa("/card/membercard/activatetempinfo/get", "{\"activate_ticket\":\"nope\"}").errcode())
                .isEqualTo(40097);

        JsonNode url = f.oa("/card/membercard/activate/geturl", "{\"card_id\":\"" + cardId
                + "\",\"outer_str\":\"poster\"}").json();
        assertThat(url.get("url").asText()).startsWith("https://mp.weixin.qq.com/bizmall/activatemembercard")
                .contains("outer_str=poster");
    }

    @Test
    void with_wx_activate_after_submit_the_merchant_page_activates_after_the_form() {
        String cardId = f.approvedCard(oneClickCard(true));
        String code = f.receive(cardId, newOpenid());
        Http.Response submitted = f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/form",
                "{\"user_info\":{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_NAME\",\"value\":\"Li\"}]}}");

        assertThat(submitted.json().get("has_active").asBoolean()).isFalse();
        assertThat(f.oa("/card/membercard/activate", body(cardId, code, "\"membership_number\":\"A7\"")).errcode())
                .isZero();
        assertThat(f.state(cardId, code).get("has_active").asBoolean()).isTrue();
    }

    @Test
    void activation_forms_are_validated() {
        String cardId = f.approvedCard(oneClickCard(false));

        assertThat(f.oa("/card/membercard/activateuserform/set", "{\"card_id\":\"" + cardId + "\","
                + "\"required_form\":{\"common_field_id_list\":[\"USER_FORM_INFO_FLAG_SHOE_SIZE\"]}}").errcode())
                .isEqualTo(40097);
        assertThat(f.oa("/card/membercard/activateuserform/set", "{\"card_id\":\"" + cardId + "\","
                + "\"required_form\":{\"custom_field_list\":[\"a\",\"b\",\"c\"]},"
                + "\"optional_form\":{\"custom_field_list\":[\"d\",\"e\",\"f\"]}}").errcode()).isEqualTo(40124);
        assertThat(f.oa("/card/membercard/activateuserform/set", "{\"required_form\":{}}").errcode())
                .isEqualTo(41012);
    }

    @Test
    void the_education_field_is_taken_in_both_spellings_sources_give() {
        String cardId = f.approvedCard(oneClickCard(false));

        for (String spelling : new String[] {"USER_FORM_INFO_FLAG_EDUCATION_BACKGRO",
            "USER_FORM_INFO_FLAG_EDUCATION_BACKGROUND"}) {
            assertThat(f.oa("/card/membercard/activateuserform/set", "{\"card_id\":\"" + cardId + "\","
                    + "\"required_form\":{\"common_field_id_list\":[\"" + spelling + "\"]}}").errcode())
                    .as(spelling).isZero();
        }
    }

    @Test
    void an_openid_of_another_account_cannot_receive_this_accounts_cards() {
        String openid = newOpenid();
        f.receive(f.approvedCard(Fixture.memberCard()), openid);
        f.sandbox.registerApp(SandboxApp.plain("wxsecond000000002", "second-secret", "t", null));
        String token = f.http.get("/cgi-bin/token?grant_type=client_credential&appid=wxsecond000000002"
                + "&secret=second-secret").json().get("access_token").asText();
        String otherCard = f.http.post("/card/create?access_token=" + token,
                Http.json(Fixture.createBody(Fixture.memberCard()))).json().get("card_id").asText();
        f.control("/sandbox/cards/" + otherCard + "/review", "{\"result\":\"pass\"}");

        assertThat(receive(otherCard, openid).json().get("errcode").asInt()).isEqualTo(40003);
        assertThat(f.http.post("/card/code/get?access_token=" + token, "{\"code\":\"123\"}").errcode())
                .isEqualTo(40056);
    }

    @Test
    void scanning_a_qr_code_carries_its_outer_str_into_the_card() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String ticket = f.oa("/card/qrcode/create", "{\"action_name\":\"QR_CARD\",\"action_info\":{\"card\":"
                + "{\"card_id\":\"" + cardId + "\",\"outer_str\":\"counter_3\",\"outer_id\":7}}}").json()
                .get("ticket").asText();

        Http.Response scanned = f.control("/sandbox/qrcodes/" + java.net.URLEncoder.encode(ticket,
                java.nio.charset.StandardCharsets.UTF_8) + "/scan", "{\"openid\":\"" + newOpenid() + "\"}");

        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        JsonNode state = f.state(cardId, scanned.json().get("code").asText());
        assertThat(state.get("outer_str").asText()).isEqualTo("counter_3");
        assertThat(state.get("outer_id").asLong()).isEqualTo(7);
    }

    @Test
    void custom_code_cards_take_the_code_given() {
        ObjectNode definition = Fixture.memberCard();
        ((ObjectNode) definition.get("base_info")).put("use_custom_code", true);
        String cardId = f.approvedCard(definition);

        assertThat(receive(cardId, newOpenid()).json().get("errcode").asInt()).isEqualTo(41011);
        Http.Response given = f.control("/sandbox/cards/" + cardId + "/users",
                "{\"openid\":\"" + newOpenid() + "\",\"code\":\"VIP-0001\"}");
        assertThat(given.json().get("code").asText()).isEqualTo("VIP-0001");
        assertThat(f.control("/sandbox/cards/" + cardId + "/users",
                "{\"openid\":\"" + newOpenid() + "\",\"code\":\"VIP-0001\"}").json().get("errcode").asInt())
                .isEqualTo(40097);
    }
}
