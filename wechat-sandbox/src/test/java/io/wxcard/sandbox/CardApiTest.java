package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardApiTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static ObjectNode baseInfo(ObjectNode memberCard) {
        return (ObjectNode) memberCard.get("base_info");
    }

    private static JsonNode get(String cardId) {
        Http.Response response = f.oa("/card/get", "{\"card_id\":\"" + cardId + "\"}");
        assertThat(response.errcode()).as(response.body()).isZero();
        return response.json().get("card").get("member_card");
    }

    @Test
    void creates_a_card_under_review_and_shows_it_with_the_platform_fields() {
        String cardId = f.createCard(Fixture.memberCard());

        assertThat(cardId).startsWith("p").hasSize(28);
        JsonNode card = get(cardId);
        JsonNode baseInfo = card.get("base_info");
        assertThat(baseInfo.get("id").asText()).isEqualTo(cardId);
        assertThat(baseInfo.get("status").asText()).isEqualTo("CARD_STATUS_NOT_VERIFY");
        assertThat(baseInfo.get("sku").get("quantity").asInt()).isEqualTo(100);
        assertThat(baseInfo.get("sku").get("total_quantity").asInt()).isEqualTo(100);
        assertThat(baseInfo.get("create_time").asLong()).isPositive();
        assertThat(baseInfo.get("update_time").asLong()).isEqualTo(baseInfo.get("create_time").asLong());
        assertThat(baseInfo.get("title").asText()).isEqualTo("Gold Card");
        assertThat(card.get("prerogative").asText()).isEqualTo("10% off every drink");
        assertThat(card.get("supply_balance").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"logo_url", "brand_name", "code_type", "title", "color", "notice", "description", "date_info",
        "sku"})
    void refuses_a_card_missing_a_required_base_info_field(String field) {
        ObjectNode card = Fixture.memberCard();
        baseInfo(card).remove(field);

        Http.Response response = f.oa("/card/create", Fixture.createBody(card));

        assertThat(response.errcode()).as(response.body()).isEqualTo(41011);
        assertThat(response.json().get("errmsg").asText()).contains(field);
    }

    @Test
    void refuses_a_card_missing_its_member_fields_or_activation_mode() {
        for (String field : new String[] {"prerogative", "supply_bonus", "supply_balance", "auto_activate"}) {
            ObjectNode card = Fixture.memberCard();
            card.remove(field);
            assertThat(f.oa("/card/create", Fixture.createBody(card)).errcode()).as(field).isEqualTo(41011);
        }
        ObjectNode twoModes = Fixture.memberCard().put("wx_activate", true);
        assertThat(f.oa("/card/create", Fixture.createBody(twoModes)).errcode()).isEqualTo(40097);
    }

    @ParameterizedTest(name = "{0} longer than {1}")
    @CsvSource({"title,9", "brand_name,12", "notice,16", "description,1024", "service_phone,24"})
    void refuses_fields_that_are_too_long(String field, int max) {
        ObjectNode atLimit = Fixture.memberCard();
        baseInfo(atLimit).put(field, "会".repeat(max));
        assertThat(f.oa("/card/create", Fixture.createBody(atLimit)).errcode()).isZero();

        ObjectNode tooLong = Fixture.memberCard();
        baseInfo(tooLong).put(field, "会".repeat(max + 1));
        Http.Response response = f.oa("/card/create", Fixture.createBody(tooLong));
        assertThat(response.errcode()).isEqualTo(45021);
        assertThat(response.json().get("errmsg").asText()).contains(field);
    }

    @Test
    void refuses_invalid_values_and_bodies() {
        ObjectNode badCodeType = Fixture.memberCard();
        baseInfo(badCodeType).put("code_type", "CODE_TYPE_HOLOGRAM");
        assertThat(f.oa("/card/create", Fixture.createBody(badCodeType)).errcode()).isEqualTo(40097);

        ObjectNode badStock = Fixture.memberCard();
        ((ObjectNode) baseInfo(badStock).get("sku")).put("quantity", -1);
        assertThat(f.oa("/card/create", Fixture.createBody(badStock)).errcode()).isEqualTo(40122);

        ObjectNode badRange = Fixture.memberCard();
        baseInfo(badRange).putObject("date_info").put("type", "DATE_TYPE_FIX_TIME_RANGE")
                .put("begin_timestamp", 2000).put("end_timestamp", 1000);
        assertThat(f.oa("/card/create", Fixture.createBody(badRange)).errcode()).isEqualTo(40097);

        ObjectNode fourthCustomField = Fixture.memberCard();
        fourthCustomField.putObject("custom_field4").put("name", "extra");
        assertThat(f.oa("/card/create", Fixture.createBody(fourthCustomField)).errcode()).isEqualTo(40124);

        ObjectNode wrongType = Fixture.memberCard();
        baseInfo(wrongType).put("get_limit", "lots");
        assertThat(f.oa("/card/create", Fixture.createBody(wrongType)).errcode()).isEqualTo(47001);

        assertThat(f.oa("/card/create", "{\"card\":{\"card_type\":\"GROUPON\",\"groupon\":{}}}").errcode())
                .isEqualTo(40097);
        assertThat(f.oa("/card/create", "{\"card\":").errcode()).isEqualTo(47001);
        assertThat(f.oa("/card/create", "").errcode()).isEqualTo(44002);
        assertThat(f.oa("/card/create", "{}").errcode()).isEqualTo(41011);
    }

    @Test
    void chinese_text_round_trips_in_utf8() {
        ObjectNode definition = Fixture.memberCard();
        baseInfo(definition).put("title", "金卡会员").put("brand_name", "茶馆");

        JsonNode baseInfo = get(f.createCard(definition)).get("base_info");

        assertThat(baseInfo.get("title").asText()).isEqualTo("金卡会员");
        assertThat(baseInfo.get("brand_name").asText()).isEqualTo("茶馆");
    }

    @Test
    void accepts_the_numeric_date_type_wechat_also_sends() {
        ObjectNode card = Fixture.memberCard();
        baseInfo(card).putObject("date_info").put("type", 2).put("fixed_term", 30).put("fixed_begin_term", 0);

        assertThat(f.oa("/card/create", Fixture.createBody(card)).errcode()).isZero();
    }

    @Test
    void answers_get_for_unknown_missing_and_foreign_cards() {
        assertThat(f.oa("/card/get", "{\"card_id\":\"pNoSuchCard\"}").errcode()).isEqualTo(40073);
        assertThat(f.oa("/card/get", "{}").errcode()).isEqualTo(41012);

        f.sandbox.registerApp(SandboxApp.plain("wxother0000000001", "other-secret", "t", null));
        String otherToken = f.http.get("/cgi-bin/token?grant_type=client_credential&appid=wxother0000000001"
                + "&secret=other-secret").json().get("access_token").asText();
        String otherCard = f.http.post("/card/create?access_token=" + otherToken,
                Http.json(Fixture.createBody(Fixture.memberCard()))).json().get("card_id").asText();
        assertThat(f.oa("/card/get", "{\"card_id\":\"" + otherCard + "\"}").errcode()).isEqualTo(45030);
    }

    @Test
    void a_get_request_to_a_post_endpoint_is_refused_like_wechat() {
        assertThat(f.http.get("/card/get?access_token=" + f.token()).errcode()).isEqualTo(43002);
    }

    @Test
    void batchget_pages_through_the_cards_and_filters_by_status() {
        try (Fixture own = Fixture.start()) {
            String first = own.createCard(Fixture.memberCard());
            String second = own.approvedCard(Fixture.memberCard());
            String third = own.createCard(Fixture.memberCard());

            JsonNode all = own.oa("/card/batchget", "{\"offset\":0,\"count\":2}").json();
            assertThat(all.get("total_num").asInt()).isEqualTo(3);
            assertThat(all.get("card_id_list")).extracting(JsonNode::asText).containsExactly(first, second);
            JsonNode rest = own.oa("/card/batchget", "{\"offset\":2,\"count\":2}").json();
            assertThat(rest.get("card_id_list")).extracting(JsonNode::asText).containsExactly(third);

            JsonNode approved = own.oa("/card/batchget",
                    "{\"offset\":0,\"count\":10,\"status_list\":[\"CARD_STATUS_VERIFY_OK\"]}").json();
            assertThat(approved.get("card_id_list")).extracting(JsonNode::asText).containsExactly(second);
            assertThat(own.oa("/card/batchget", "{\"offset\":0,\"count\":51}").errcode()).isEqualTo(40097);
            assertThat(own.oa("/card/batchget", "{\"offset\":0}").errcode()).isEqualTo(41011);
        }
    }

    @Test
    void updating_a_field_needing_review_sends_an_approved_card_back_to_review() {
        String cardId = f.approvedCard(Fixture.memberCard());
        assertThat(get(cardId).get("base_info").get("status").asText()).isEqualTo("CARD_STATUS_VERIFY_OK");

        Http.Response phone = f.oa("/card/update", "{\"card_id\":\"" + cardId
                + "\",\"member_card\":{\"base_info\":{\"service_phone\":\"400-000-0000\"}}}");
        assertThat(phone.errcode()).isZero();
        assertThat(phone.json().get("send_check").asBoolean()).isFalse();
        assertThat(get(cardId).get("base_info").get("status").asText()).isEqualTo("CARD_STATUS_VERIFY_OK");
        assertThat(get(cardId).get("base_info").get("service_phone").asText()).isEqualTo("400-000-0000");

        Http.Response title = f.oa("/card/update", "{\"card_id\":\"" + cardId
                + "\",\"member_card\":{\"base_info\":{\"title\":\"Platinum\"}}}");
        assertThat(title.json().get("send_check").asBoolean()).isTrue();
        JsonNode after = get(cardId).get("base_info");
        assertThat(after.get("status").asText()).isEqualTo("CARD_STATUS_NOT_VERIFY");
        assertThat(after.get("title").asText()).isEqualTo("Platinum");
        assertThat(after.get("brand_name").asText()).isEqualTo("Tea House");

        Http.Response prerogative = f.oa("/card/update", "{\"card_id\":\"" + cardId
                + "\",\"member_card\":{\"prerogative\":\"20% off\"}}");
        assertThat(prerogative.json().get("send_check").asBoolean()).isTrue();
    }

    @Test
    void update_checks_the_result_like_create_and_ignores_the_brand_and_stock() {
        String cardId = f.createCard(Fixture.memberCard());

        assertThat(f.oa("/card/update", "{\"card_id\":\"" + cardId
                + "\",\"member_card\":{\"base_info\":{\"title\":\"far too long a title\"}}}").errcode())
                .isEqualTo(45021);
        assertThat(get(cardId).get("base_info").get("title").asText()).isEqualTo("Gold Card");

        assertThat(f.oa("/card/update", "{\"card_id\":\"" + cardId + "\",\"member_card\":{\"base_info\":"
                + "{\"brand_name\":\"Other\",\"sku\":{\"quantity\":5}}}}").errcode()).isZero();
        JsonNode baseInfo = get(cardId).get("base_info");
        assertThat(baseInfo.get("brand_name").asText()).isEqualTo("Tea House");
        assertThat(baseInfo.get("sku").get("quantity").asInt()).isEqualTo(100);
        assertThat(f.oa("/card/update", "{\"card_id\":\"" + cardId + "\"}").errcode()).isEqualTo(41011);
    }

    @Test
    void modifystock_moves_quantity_and_total_and_refuses_going_below_zero() {
        String cardId = f.createCard(Fixture.memberCard());

        assertThat(f.oa("/card/modifystock", "{\"card_id\":\"" + cardId + "\",\"increase_stock_value\":50}")
                .errcode()).isZero();
        assertThat(f.oa("/card/modifystock", "{\"card_id\":\"" + cardId + "\",\"reduce_stock_value\":30}")
                .errcode()).isZero();
        JsonNode sku = get(cardId).get("base_info").get("sku");
        assertThat(sku.get("quantity").asInt()).isEqualTo(120);
        assertThat(sku.get("total_quantity").asInt()).isEqualTo(120);

        assertThat(f.oa("/card/modifystock", "{\"card_id\":\"" + cardId + "\",\"reduce_stock_value\":121}")
                .errcode()).isEqualTo(40122);
        assertThat(f.oa("/card/modifystock", "{\"card_id\":\"" + cardId + "\"}").errcode()).isEqualTo(41011);
    }

    @Test
    void a_deleted_card_shows_its_status_and_refuses_changes() {
        String cardId = f.approvedCard(Fixture.memberCard());

        assertThat(f.oa("/card/delete", "{\"card_id\":\"" + cardId + "\"}").errcode()).isZero();

        assertThat(get(cardId).get("base_info").get("status").asText()).isEqualTo("CARD_STATUS_DELETE");
        assertThat(f.oa("/card/delete", "{\"card_id\":\"" + cardId + "\"}").errcode()).isEqualTo(40078);
        assertThat(f.oa("/card/modifystock", "{\"card_id\":\"" + cardId + "\",\"increase_stock_value\":1}")
                .errcode()).isEqualTo(40078);
        assertThat(f.oa("/card/update", "{\"card_id\":\"" + cardId
                + "\",\"member_card\":{\"prerogative\":\"x\"}}").errcode()).isEqualTo(40078);
        assertThat(f.control("/sandbox/cards/" + cardId + "/users", "{\"openid\":\"oDeleted1\"}").json()
                .get("errcode").asInt()).isEqualTo(40078);
    }

    @Test
    void creates_qr_codes_for_one_or_several_cards() {
        String cardId = f.createCard(Fixture.memberCard());

        Http.Response one = f.oa("/card/qrcode/create", "{\"action_name\":\"QR_CARD\",\"expire_seconds\":1800,"
                + "\"action_info\":{\"card\":{\"card_id\":\"" + cardId + "\",\"outer_str\":\"door\"}}}");
        assertThat(one.errcode()).isZero();
        assertThat(one.json().get("ticket").asText()).isNotEmpty();
        assertThat(one.json().get("expire_seconds").asInt()).isEqualTo(1800);
        assertThat(one.json().get("url").asText()).startsWith("http://weixin.qq.com/q/");
        assertThat(one.json().get("show_qrcode_url").asText()).contains("showqrcode?ticket=");

        Http.Response several = f.oa("/card/qrcode/create", "{\"action_name\":\"QR_MULTIPLE_CARD\","
                + "\"action_info\":{\"multiple_card\":{\"card_list\":[{\"card_id\":\"" + cardId + "\"}]}}}");
        assertThat(several.errcode()).isZero();
        assertThat(several.json().get("expire_seconds").asLong()).isEqualTo(365L * 86_400);

        assertThat(f.oa("/card/qrcode/create", "{\"action_name\":\"QR_CARD\",\"expire_seconds\":10,"
                + "\"action_info\":{\"card\":{\"card_id\":\"" + cardId + "\"}}}").errcode()).isEqualTo(40097);
        assertThat(f.oa("/card/qrcode/create", "{\"action_name\":\"QR_CARD\","
                + "\"action_info\":{\"card\":{\"card_id\":\"pNope\"}}}").errcode()).isEqualTo(40073);
        assertThat(f.oa("/card/qrcode/create", "{\"action_info\":{}}").errcode()).isEqualTo(41011);
    }

    @Test
    void creates_landing_pages_and_mass_message_html() {
        String cardId = f.createCard(Fixture.memberCard());

        Http.Response page = f.oa("/card/landingpage/create", "{\"banner\":\"http://x/b.png\",\"page_title\":"
                + "\"Join\",\"can_share\":true,\"scene\":\"SCENE_QRCODE\",\"card_list\":[{\"card_id\":\""
                + cardId + "\",\"thumb_url\":\"http://x/t.png\"}]}");
        assertThat(page.errcode()).isZero();
        assertThat(page.json().get("url").asText()).startsWith("https://");
        assertThat(page.json().get("page_id").asLong()).isPositive();
        assertThat(f.oa("/card/landingpage/create", "{\"banner\":\"b\",\"page_title\":\"t\",\"scene\":\"SCENE_X\","
                + "\"card_list\":[]}").errcode()).isEqualTo(40097);

        Http.Response html = f.oa("/card/mpnews/gethtml", "{\"card_id\":\"" + cardId + "\"}");
        assertThat(html.errcode()).isZero();
        assertThat(html.json().get("content").asText()).contains("<iframe", cardId);
    }

    @Test
    void whitelist_set_needs_openids_or_usernames() {
        assertThat(f.oa("/card/testwhitelist/set", "{\"openid\":[\"oTester1\"],\"username\":[\"tester\"]}")
                .errcode()).isZero();
        assertThat(f.oa("/card/testwhitelist/set", "{}").errcode()).isEqualTo(41011);
    }

    @Test
    void uploads_jpg_and_png_pictures_and_serves_them_back() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        Http.Response upload = Multipart.upload(f.http, "/cgi-bin/media/uploadimg?access_token=" + f.token(),
                "buffer", "logo.png", png);
        assertThat(upload.errcode()).as(upload.body()).isZero();
        String url = upload.json().get("url").asText();
        assertThat(url).matches("http://mmbiz\\.qpic\\.cn/mmbiz_png/[0-9a-f]{32}/0");
        Http.Response served = f.http.get(MediaRoutes.servedPath(url));
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/png");

        Http.Response text = Multipart.upload(f.http, "/cgi-bin/media/uploadimg?access_token=" + f.token(),
                "buffer", "logo.png", "just text".getBytes());
        assertThat(text.errcode()).isEqualTo(40005);
        Http.Response tooBig = Multipart.upload(f.http, "/cgi-bin/media/uploadimg?access_token=" + f.token(),
                "buffer", "big.jpg", new byte[(int) MediaRoutes.MAX_BYTES + 1]);
        assertThat(tooBig.errcode()).isEqualTo(40009);
        assertThat(Multipart.upload(f.http, "/cgi-bin/media/uploadimg", "buffer", "logo.png", png).errcode())
                .isEqualTo(41001);
    }
}
