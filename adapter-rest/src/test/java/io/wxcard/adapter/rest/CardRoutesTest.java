package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CardRoutesTest {

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

    // ---- drafting -------------------------------------------------------------------------------------------------

    @Test
    void drafts_a_card_from_wechats_own_json_and_answers_201_with_its_id_state_and_location() {
        Http.Answer answer = m.http.post("/v1/cards", Cards.minimal());

        assertThat(answer.status()).isEqualTo(201);
        JsonNode card = answer.json();
        assertThat(card.get("state").asText()).isEqualTo("DRAFT");
        assertThat(answer.header("Location")).isEqualTo("/v1/cards/" + card.get("id").asText());
        assertThat(card.at("/card/card_type").asText()).isEqualTo("MEMBER_CARD");
        assertThat(card.at("/card/member_card/base_info/title").asText()).isEqualTo("Gold Card");
        assertThat(card.get("stock").asLong()).isEqualTo(1000);
        assertThat(m.card(card.get("id").asText()).definition().baseInfo().brandName()).isEqualTo("Tea House");
    }

    @Test
    void keeps_every_field_of_a_full_definition_from_post_to_get() throws Exception {
        MemberCardDefinition full = Fixtures.fullDefinition();
        String document = new String(Json.write(CardDefinitionJson.fromDomain(full)), "UTF-8");

        String id = m.draft(document);

        assertThat(m.card(id).definition()).isEqualTo(full);
        JsonNode shown = m.http.get("/v1/cards/" + id).json().get("card");
        assertThat(shown).isEqualTo(Http.JSON.readTree(document).get("card"));
    }

    @Test
    void refuses_a_card_breaking_wechats_rules_with_422_naming_every_field() {
        String tooLong = Cards.minimal().replace("\"Gold Card\"", "\"A title far too long\"")
                .replace("\"Color010\"", "\"Pink\"");

        Http.Answer answer = m.http.post("/v1/cards", tooLong);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.problemType()).isEqualTo("card-definition-invalid");
        assertThat(answer.json().get("code").asText()).isEqualTo("CARD_DEFINITION_INVALID");
        assertThat(fields(answer)).contains("card.member_card.base_info.title", "card.member_card.base_info.color");
    }

    @Test
    void refuses_another_card_type_and_missing_wechat_required_fields_together() {
        String document = Cards.minimal().replace("MEMBER_CARD", "GROUPON").replace("\"supply_bonus\": true,", "")
                .replace("\"title\": \"Gold Card\",", "");

        Http.Answer answer = m.http.post("/v1/cards", document);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(fields(answer)).contains("card.card_type", "card.member_card.supply_bonus",
                "card.member_card.base_info.title");
        assertThat(m.http.get("/v1/cards").json().get("total").asLong()).isZero();
    }

    @Test
    void refuses_a_gap_between_custom_fields_rather_than_renumbering_them() {
        String document = Cards.minimal().replace("\"supply_balance\": true",
                "\"supply_balance\": true, \"custom_field2\": {\"name_type\": \"FIELD_NAME_TYPE_LEVEL\"}");

        Http.Answer answer = m.http.post("/v1/cards", document);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(fields(answer)).contains("card.member_card.custom_field2");
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    @Test
    void lists_cards_oldest_first_in_pages_and_by_state() {
        String first = m.draft(Cards.minimal());
        String second = m.submitted(Cards.minimal());
        String third = m.draft(Cards.minimal());

        JsonNode all = m.http.get("/v1/cards").json();
        JsonNode page = m.http.get("/v1/cards?offset=1&limit=1").json();
        JsonNode drafts = m.http.get("/v1/cards?state=DRAFT").json();

        assertThat(ids(all.get("items"))).containsExactly(first, second, third);
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(ids(page.get("items"))).containsExactly(second);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("limit").asInt()).isEqualTo(1);
        assertThat(ids(drafts.get("items"))).containsExactly(first, third);
    }

    @Test
    void refuses_bad_paging_unknown_states_and_unknown_query_parameters_with_400() {
        assertThat(m.http.get("/v1/cards?limit=0").status()).isEqualTo(400);
        assertThat(m.http.get("/v1/cards?limit=201").status()).isEqualTo(400);
        assertThat(m.http.get("/v1/cards?offset=-1").status()).isEqualTo(400);
        assertThat(m.http.get("/v1/cards?limit=ten").status()).isEqualTo(400);
        Http.Answer badState = m.http.get("/v1/cards?state=ACTIVE");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(fields(badState)).containsExactly("state");
        Http.Answer typo = m.http.get("/v1/cards?stat=DRAFT");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.problemType()).isEqualTo("invalid-request");
        assertThat(fields(typo)).containsExactly("stat");
    }

    @Test
    void shows_a_cards_review_result_and_wechat_card_id() {
        String approved = m.approved(Cards.minimal());
        String rejected = m.rejected(Cards.minimal(), "the logo is blurred");

        JsonNode passed = m.http.get("/v1/cards/" + approved).json();
        JsonNode refused = m.http.get("/v1/cards/" + rejected).json();

        assertThat(passed.get("state").asText()).isEqualTo("APPROVED");
        assertThat(passed.get("review_result").asText()).isEqualTo("PASSED");
        assertThat(passed.get("wechat_card_id").asText()).isEqualTo(m.wechatCardId(approved).value());
        assertThat(refused.get("state").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("review_result").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("refusal_reason").asText()).isEqualTo("the logo is blurred");
    }

    @Test
    void answers_404_for_a_card_that_does_not_exist_or_cannot_exist() {
        Http.Answer missing = m.http.get("/v1/cards/card_404");
        Http.Answer impossible = m.http.get("/v1/cards/not%20an%20id");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemType()).isEqualTo("not-found");
        assertThat(missing.json().get("detail").asText()).contains("card_404");
        assertThat(impossible.status()).isEqualTo(404);
    }

    // ---- editing: JSON merge patch --------------------------------------------------------------------------------

    @Test
    void patch_merges_onto_the_current_definition_replacing_given_members_only() {
        String id = m.draft(Cards.minimal());

        Http.Answer answer = m.http.patch("/v1/cards/" + id,
                "{\"card\":{\"member_card\":{\"base_info\":{\"title\":\"Jade Card\",\"sku\":{\"quantity\":5}}}}}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        var definition = m.card(id).definition();
        assertThat(definition.baseInfo().title()).isEqualTo("Jade Card");
        assertThat(definition.baseInfo().skuQuantity()).isEqualTo(5L);
        assertThat(definition.baseInfo().brandName()).isEqualTo("Tea House");
        assertThat(definition.prerogative()).isEqualTo("10% off every drink");
        assertThat(answer.json().get("stock").asLong()).isEqualTo(5);
    }

    @Test
    void patch_null_removes_an_optional_member_and_arrays_are_replaced_whole() {
        String id = m.draft(Cards.minimal().replace("\"can_share\": true", "\"can_share\": true, "
                + "\"service_phone\": \"400-800\", \"location_id_list\": [1, 2, 3]"));

        Http.Answer answer = m.http.patch("/v1/cards/" + id,
                "{\"card\":{\"member_card\":{\"base_info\":{\"service_phone\":null,\"location_id_list\":[7]}}}}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(m.card(id).definition().baseInfo().servicePhone()).isEqualTo(Option.none());
        assertThat(m.card(id).definition().baseInfo().locationIds()).containsExactly(7L);
    }

    @Test
    void patch_null_on_a_required_member_is_refused_and_nothing_changes() {
        String id = m.draft(Cards.minimal());
        String before = h.state();

        Http.Answer answer = m.http.patch("/v1/cards/" + id, "{\"card\":{\"member_card\":{\"prerogative\":null}}}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(fields(answer)).contains("card.member_card.prerogative");
        assertThat(h.state()).isEqualTo(before);
    }

    @Test
    void patch_refuses_unknown_fields_and_wrong_types_with_400_naming_the_path() {
        String id = m.draft(Cards.minimal());

        Http.Answer unknown = m.http.patch("/v1/cards/" + id, "{\"card\":{\"member_card\":{\"advanced_info\":{}}}}");
        Http.Answer wrongType = m.http.patch("/v1/cards/" + id, "{\"card\":{\"member_card\":{\"base_info\":{\"sku\":{\"quantity\":\"many\"}}}}}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("card.member_card.advanced_info");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(fields(wrongType)).containsExactly("card.member_card.base_info.sku.quantity");
    }

    @Test
    void patch_of_a_card_under_review_is_a_409_with_the_domains_reason() {
        String id = m.submitted(Cards.minimal());

        Http.Answer answer = m.http.patch("/v1/cards/" + id, "{\"card\":{\"member_card\":{\"prerogative\":\"more\"}}}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.problemType()).isEqualTo("card-not-editable");
        assertThat(answer.json().get("detail").asText()).contains("under review");
    }

    @Test
    void patch_of_an_approved_card_goes_through_wechat_which_may_send_it_back_to_review() {
        String id = m.approved(Cards.minimal());
        h.wechat.review(m.wechatCardId(id), true);

        Http.Answer answer = m.http.patch("/v1/cards/" + id, "{\"card\":{\"member_card\":{\"base_info\":{\"title\":\"Jade\"}}}}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("state").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(h.wechat.calls("card/update")).isEqualTo(1);
    }

    @Test
    void patch_accepts_application_json_too_but_not_other_media_types() {
        String id = m.draft(Cards.minimal());
        byte[] patch = "{\"card\":{\"member_card\":{\"prerogative\":\"more\"}}}".getBytes();

        assertThat(m.http.send("PATCH", "/v1/cards/" + id, patch, "application/json", java.util.Map.of()).status())
                .isEqualTo(200);
        assertThat(m.http.send("PATCH", "/v1/cards/" + id, patch, "text/plain", java.util.Map.of()).status())
                .isEqualTo(415);
    }

    // ---- review -----------------------------------------------------------------------------------------------------

    @Test
    void submits_a_draft_to_wechat_and_refuses_a_second_submission_with_409() {
        String id = m.draft(Cards.minimal());

        Http.Answer first = m.http.post("/v1/cards/" + id + "/submit", null);
        Http.Answer second = m.http.post("/v1/cards/" + id + "/submit", null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("state").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(first.json().get("review_result").asText()).isEqualTo("PENDING");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("card-not-submittable");
        assertThat(second.json().get("code").asText()).isEqualTo("CARD_NOT_SUBMITTABLE");
    }

    @Test
    void submit_takes_no_body_but_tolerates_an_empty_object() {
        String id = m.draft(Cards.minimal());

        assertThat(m.http.post("/v1/cards/" + id + "/submit", "{\"force\":true}").status()).isEqualTo(400);
        assertThat(m.card(id).state()).isEqualTo(CardState.DRAFT);
        assertThat(m.http.post("/v1/cards/" + id + "/submit", "{}").status()).isEqualTo(200);
    }

    @Test
    void a_wechat_refusal_is_a_502_with_wechats_errcode_and_nothing_changes() {
        String id = m.draft(Cards.minimal());
        h.wechat.failNext(new WechatError(WechatError.Kind.CLIENT_ERROR, "41011", "missing required field"));

        Http.Answer answer = m.http.post("/v1/cards/" + id + "/submit", null);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.problemType()).isEqualTo("wechat-failed");
        assertThat(answer.json().get("wechat_errcode").asText()).isEqualTo("41011");
        assertThat(m.card(id).state()).isEqualTo(CardState.DRAFT);
    }

    @Test
    void wechat_over_quota_or_busy_is_a_503_with_retry_after() {
        String id = m.draft(Cards.minimal());
        h.wechat.failNext(new WechatError(WechatError.Kind.QUOTA, "45009", "api freq out of limit"));

        Http.Answer quota = m.http.post("/v1/cards/" + id + "/submit", null);
        h.wechat.failNext(new WechatError(WechatError.Kind.TRANSIENT, "-1", "system busy"));
        Http.Answer busy = m.http.post("/v1/cards/" + id + "/submit", null);

        assertThat(quota.status()).isEqualTo(503);
        assertThat(quota.problemType()).isEqualTo("wechat-unavailable");
        assertThat(quota.json().get("wechat_errcode").asText()).isEqualTo("45009");
        assertThat(quota.header("Retry-After")).isNotBlank();
        assertThat(busy.status()).as(busy.toString()).isEqualTo(503);
        assertThat(busy.json().get("wechat_errcode").asText()).isEqualTo("-1");
    }

    // ---- settings ---------------------------------------------------------------------------------------------------

    @Test
    void sets_the_test_whitelist_in_wechats_shape() {
        String id = m.submitted(Cards.minimal());

        Http.Answer answer = m.http.put("/v1/cards/" + id + "/test-whitelist",
                "{\"openid\":[\"o_tester_1\"],\"username\":[\"tea_tester\"]}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().at("/test_whitelist/openid/0").asText()).isEqualTo("o_tester_1");
        assertThat(m.card(id).testWhitelist().usernames()).containsExactly("tea_tester");
    }

    @Test
    void refuses_an_empty_or_oversized_whitelist_with_422() {
        String id = m.submitted(Cards.minimal());
        String eleven = Http.json(java.util.Map.of("openid", java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> "o_" + i).toList()));

        Http.Answer empty = m.http.put("/v1/cards/" + id + "/test-whitelist", "{}");
        Http.Answer tooMany = m.http.put("/v1/cards/" + id + "/test-whitelist", eleven);

        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.problemType()).isEqualTo("invalid-input");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("detail").asText()).contains("at most 10");
    }

    @Test
    void configures_the_activation_form_of_a_one_click_card_on_wechat() {
        String id = m.approved(Cards.oneClick());

        Http.Answer answer = m.http.put("/v1/cards/" + id + "/activation-form", """
                {"service_statement": {"name": "Terms", "url": "https://shop.example.com/terms"},
                 "required_form": {"can_modify": false,
                                   "common_field_id_list": ["USER_FORM_INFO_FLAG_MOBILE"],
                                   "custom_field_list": ["Tea"],
                                   "rich_field_list": [{"type": "FORM_FIELD_RADIO", "name": "Taste", "values": ["strong", "mild"]}]},
                 "optional_form": {"common_field_id_list": ["USER_FORM_INFO_FLAG_BIRTHDAY"]}}""");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().at("/activation_form/required_form/rich_field_list/0/values/1").asText()).isEqualTo("mild");
        assertThat(m.card(id).activationForm().get().required().commonFieldIds()).containsExactly("USER_FORM_INFO_FLAG_MOBILE");
    }

    @Test
    void refuses_an_activation_form_for_an_auto_activating_card_with_409_and_a_bad_form_with_422() {
        String auto = m.approved(Cards.minimal());
        String oneClick = m.approved(Cards.oneClick());
        String form = "{\"required_form\":{\"common_field_id_list\":[\"USER_FORM_INFO_FLAG_MOBILE\"]}}";

        Http.Answer mismatch = m.http.put("/v1/cards/" + auto + "/activation-form", form);
        Http.Answer bad = m.http.put("/v1/cards/" + oneClick + "/activation-form",
                "{\"required_form\":{\"common_field_id_list\":[\"SHOE_SIZE\"],\"rich_field_list\":[{\"name\":\"x\",\"values\":[\"a\"]}]}}");

        assertThat(mismatch.status()).isEqualTo(409);
        assertThat(mismatch.problemType()).isEqualTo("card-activation-mode-mismatch");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fields(bad)).contains("required_form.rich_field_list[0].type", "required_form.common_field_id_list");
    }

    // ---- distribution -----------------------------------------------------------------------------------------------

    @Test
    void makes_a_qr_code_for_an_approved_card_and_refuses_one_for_a_draft() {
        String approved = m.approved(Cards.minimal());
        String draft = m.draft(Cards.minimal());

        Http.Answer qr = m.http.post("/v1/cards/" + approved + "/qr-codes", "{\"expire_seconds\":1800,\"outer_str\":\"store_42\"}");
        Http.Answer refused = m.http.post("/v1/cards/" + draft + "/qr-codes", null);

        assertThat(qr.status()).as(qr.toString()).isEqualTo(201);
        assertThat(qr.json().get("ticket").asText()).isNotBlank();
        assertThat(qr.json().get("show_qrcode_url").asText()).startsWith("https://");
        assertThat(qr.json().get("expire_seconds").asInt()).isEqualTo(1800);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("card-not-on-wechat");
    }

    @Test
    void refuses_a_qr_code_with_out_of_range_expiry_or_a_bad_openid_with_422() {
        String id = m.approved(Cards.minimal());

        Http.Answer expiry = m.http.post("/v1/cards/" + id + "/qr-codes", "{\"expire_seconds\":30}");
        Http.Answer openid = m.http.post("/v1/cards/" + id + "/qr-codes", "{\"openid\":\"not an openid\"}");

        assertThat(expiry.status()).isEqualTo(422);
        assertThat(expiry.json().get("detail").asText()).contains("expire_seconds");
        assertThat(openid.status()).isEqualTo(422);
        assertThat(fields(openid)).containsExactly("openid");
        assertThat(h.wechat.calls("card/qrcode/create")).isZero();
    }

    @Test
    void makes_a_landing_page_and_names_each_missing_field() {
        String id = m.approved(Cards.minimal());

        Http.Answer page = m.http.post("/v1/cards/" + id + "/landing-pages", """
                {"banner": "https://shop.example.com/banner.png", "page_title": "Join us", "can_share": true,
                 "scene": "SCENE_H5", "thumb_url": "https://shop.example.com/thumb.png"}""");
        Http.Answer missing = m.http.post("/v1/cards/" + id + "/landing-pages", "{\"page_title\":\"Join\"}");
        Http.Answer badScene = m.http.post("/v1/cards/" + id + "/landing-pages", """
                {"banner": "https://shop.example.com/banner.png", "page_title": "Join us", "can_share": true,
                 "scene": "SCENE_MOON", "thumb_url": "https://shop.example.com/thumb.png"}""");

        assertThat(page.status()).as(page.toString()).isEqualTo(201);
        assertThat(page.json().get("url").asText()).startsWith("https://");
        assertThat(page.json().get("page_id").asLong()).isPositive();
        assertThat(missing.status()).isEqualTo(422);
        assertThat(fields(missing)).containsExactlyInAnyOrder("banner", "can_share", "scene", "thumb_url");
        assertThat(badScene.status()).isEqualTo(422);
        assertThat(badScene.json().get("detail").asText()).contains("scene");
    }

    @Test
    void signs_a_card_ext_ready_for_js_sdk_add_card() throws Exception {
        String id = m.approved(Cards.minimal());

        Http.Answer answer = m.http.post("/v1/cards/" + id + "/card-ext", "{\"openid\":\"o_member_1\",\"outer_str\":\"h5\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode ext = answer.json();
        assertThat(ext.get("card_id").asText()).isEqualTo(m.wechatCardId(id).value());
        JsonNode cardExt = Http.JSON.readTree(ext.get("card_ext").asText());
        assertThat(cardExt.get("openid").asText()).isEqualTo("o_member_1");
        assertThat(cardExt.get("outer_str").asText()).isEqualTo("h5");
        assertThat(cardExt.get("signature").asText()).isEqualTo(ext.get("signature").asText()).hasSize(40);
        assertThat(cardExt.get("nonce_str").asText()).isNotBlank();
    }

    // ---- deletion ---------------------------------------------------------------------------------------------------

    @Test
    void deletes_a_card_and_refuses_to_delete_it_again() {
        String id = m.approved(Cards.minimal());

        Http.Answer deleted = m.http.delete("/v1/cards/" + id);
        Http.Answer again = m.http.delete("/v1/cards/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("state").asText()).isEqualTo("DELETED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("card-deleted");
    }

    static List<String> fields(Http.Answer answer) {
        List<String> fields = new java.util.ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new java.util.ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
