package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.definition.CustomField;
import io.wxcard.domain.card.definition.DateInfo;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberCardMapperTest {

    private static String json(Object value) throws Exception {
        return WechatJson.MAPPER.writeValueAsString(value);
    }

    private static JsonNode tree(Object value) throws Exception {
        return WechatJson.MAPPER.readTree(json(value));
    }

    @Test
    void loses_nothing_of_a_definition_with_every_field_set_on_the_way_to_wechat_and_back() throws Exception {
        MemberCardDefinition full = Fixtures.fullDefinition();

        String sent = json(MemberCardMapper.toCreate(full));
        CardJson.CardEnvelope received = WechatJson.MAPPER.readValue(sent, CardJson.CardEnvelope.class);

        assertThat(MemberCardMapper.fromJson(received.card().memberCard())).isEqualTo(full);
    }

    @Test
    void writes_wechats_member_card_json_with_wechats_names() throws Exception {
        JsonNode card = tree(MemberCardMapper.toCreate(Fixtures.fullDefinition())).get("card");

        assertThat(card.get("card_type").asText()).isEqualTo("MEMBER_CARD");
        JsonNode member = card.get("member_card");
        assertThat(member.fieldNames()).toIterable().contains("background_pic_url", "base_info", "prerogative",
                "auto_activate", "wx_activate", "supply_bonus", "bonus_url", "supply_balance", "balance_url",
                "custom_field1", "custom_field2", "custom_cell1", "bonus_rule", "discount", "bonus_cleared",
                "bonus_rules", "balance_rules");
        assertThat(member.has("custom_field3")).isFalse();
        assertThat(member.has("activate_url")).isFalse();
        JsonNode base = member.get("base_info");
        assertThat(base.fieldNames()).toIterable().containsExactlyInAnyOrder("logo_url", "code_type", "brand_name",
                "title", "color", "notice", "description", "service_phone", "date_info", "sku", "get_limit",
                "use_custom_code", "can_share", "can_give_friend", "location_id_list", "use_all_locations",
                "center_title", "center_sub_title", "center_url", "custom_url_name", "custom_url",
                "promotion_url_name", "promotion_url", "promotion_url_sub_title");
        assertThat(base.get("sku").get("quantity").asLong()).isEqualTo(50_000);
        assertThat(base.get("date_info").get("type").asText()).isEqualTo(DateInfo.FIX_TIME_RANGE);
        assertThat(base.get("date_info").get("begin_timestamp").asLong()).isEqualTo(1_790_000_000L);
        assertThat(base.get("location_id_list").get(1).asLong()).isEqualTo(202);
        assertThat(member.get("bonus_rule").get("cost_money_unit").asInt()).isEqualTo(100);
        assertThat(member.get("bonus_rule").get("least_money_to_use_bonus").asInt()).isEqualTo(1000);
        assertThat(member.get("custom_field1").get("name_type").asText()).isEqualTo("FIELD_NAME_TYPE_LEVEL");
    }

    @Test
    void writes_chinese_text_as_utf_8_not_as_escapes() throws Exception {
        String sent = json(MemberCardMapper.toCreate(Fixtures.fullDefinition()));

        assertThat(sent).contains("\"title\":\"金卡会员\"").doesNotContain("\\u");
    }

    @Test
    void leaves_out_on_update_what_wechat_does_not_let_an_update_change() throws Exception {
        JsonNode base = tree(MemberCardMapper.toUpdate(Fixtures.fullDefinition())).get("base_info");

        assertThat(base.has("brand_name")).isFalse();
        assertThat(base.has("sku")).isFalse();
        assertThat(base.has("use_custom_code")).isFalse();
        assertThat(base.get("title").asText()).isEqualTo("金卡会员");
    }

    @Test
    void refuses_more_custom_fields_than_wechat_has_rather_than_dropping_one() {
        MemberCardDefinition d = Fixtures.definition();
        CustomField field = new CustomField(Option.of("FIELD_NAME_TYPE_LEVEL"), Option.none(), Option.none());
        MemberCardDefinition tooMany = new MemberCardDefinition(d.baseInfo(), d.backgroundPicUrl(), d.prerogative(),
                d.autoActivate(), d.wxActivate(), d.activateUrl(), d.supplyBonus(), d.bonusUrl(), d.supplyBalance(),
                d.balanceUrl(), List.of(field, field, field, field), d.customCell1(), d.bonusRule(), d.discount(),
                d.bonusCleared(), d.bonusRules(), d.balanceRules());

        assertThatThrownBy(() -> MemberCardMapper.toCreate(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 3 custom fields");
    }

    @Test
    void reads_what_card_get_really_sends_numeric_date_types_unknown_statuses_and_fields() throws Exception {
        String answer = """
            {"errcode":0,"errmsg":"ok","card":{"card_type":"MEMBER_CARD","member_card":{
              "base_info":{"id":"pFS7Fjg4bc67d27deXz","status":"CARD_STATUS_SOMETHING_NEW","logo_url":"http://x/l.png",
                "code_type":"CODE_TYPE_QRCODE","brand_name":"Tea","title":"Gold","color":"Color010","notice":"n",
                "description":"d","date_info":{"type":1,"begin_timestamp":"1790000000","end_timestamp":1890000000},
                "sku":{"quantity":"7","total_quantity":10},"create_time":1790000000,"future_field":{"a":[1,2]}},
              "prerogative":"p","supply_bonus":true,"supply_balance":false,"auto_activate":true,
              "new_thing":"ignored"}},"unknown_top_level":true}""";

        OaJson.GetAnswer parsed = WechatJson.MAPPER.readValue(answer, OaJson.GetAnswer.class);

        CardJson.BaseInfo base = parsed.card().memberCard().baseInfo();
        assertThat(base.status()).isEqualTo("CARD_STATUS_SOMETHING_NEW");
        assertThat(base.sku().quantity()).isEqualTo(7);
        assertThat(base.sku().totalQuantity()).isEqualTo(10);
        MemberCardDefinition definition = MemberCardMapper.fromJson(parsed.card().memberCard());
        assertThat(definition.baseInfo().dateInfo().type()).isEqualTo(DateInfo.FIX_TIME_RANGE);
        assertThat(definition.baseInfo().dateInfo().beginTimestamp()).contains(1_790_000_000L);
        assertThat(definition.baseInfo().locationIds()).isEmpty();
        assertThat(definition.customFields()).isEmpty();
        assertThat(definition.autoActivate()).isTrue();
    }

    @Test
    void names_the_numeric_date_types() {
        assertThat(MemberCardMapper.dateTypeName("1")).isEqualTo(DateInfo.FIX_TIME_RANGE);
        assertThat(MemberCardMapper.dateTypeName("2")).isEqualTo(DateInfo.FIX_TERM);
        assertThat(MemberCardMapper.dateTypeName(DateInfo.PERMANENT)).isEqualTo(DateInfo.PERMANENT);
        assertThat(MemberCardMapper.dateTypeName("DATE_TYPE_UNHEARD_OF")).isEqualTo("DATE_TYPE_UNHEARD_OF");
    }

    @Test
    void reads_member_info_without_user_info_or_with_half_of_it() throws Exception {
        OaJson.UserInfoAnswer none = WechatJson.MAPPER.readValue(
                "{\"errcode\":0,\"openid\":\"o1\",\"bonus\":5,\"balance\":\"120\",\"user_card_status\":\"GIFT_SUCC\"}",
                OaJson.UserInfoAnswer.class);
        OaJson.UserInfoAnswer half = WechatJson.MAPPER.readValue(
                "{\"errcode\":0,\"openid\":\"o1\",\"user_info\":{\"custom_field_list\":[{\"name\":\"口味\","
                        + "\"value_list\":[\"浓\",\"淡\"]}]}}", OaJson.UserInfoAnswer.class);

        assertThat(none.userInfo()).isNull();
        assertThat(none.balance()).isEqualTo(120);
        assertThat(none.userCardStatus()).isEqualTo("GIFT_SUCC");
        assertThat(half.userInfo().commonFieldList()).isNull();
        assertThat(half.userInfo().customFieldList().get(0).valueList()).containsExactly("浓", "淡");
    }

    @Test
    void writes_updateuser_with_absolute_totals_and_wechats_notify_names() throws Exception {
        JsonNode body = tree(new OaJson.UpdateUserRequest("109631701445", "pCard", 300L, 200L, "purchase", 5000L,
                null, null, new OaJson.NotifyOptional(true, false)));

        assertThat(body.get("bonus").asLong()).isEqualTo(300);
        assertThat(body.get("add_bonus").asLong()).isEqualTo(200);
        assertThat(body.get("balance").asLong()).isEqualTo(5000);
        assertThat(body.has("add_balance")).isFalse();
        assertThat(body.get("notify_optional").get("is_notify_bonus").asBoolean()).isTrue();
        assertThat(body.get("notify_optional").get("is_notify_balance").asBoolean()).isFalse();
    }

    @Test
    void prints_no_token_ticket_or_secret() {
        String token = "ACCESS_TOKEN_VALUE_1234567890";
        assertThat(new OaJson.TokenAnswer(0L, "ok", token, 7200L).toString()).doesNotContain(token);
        assertThat(new OaJson.TicketAnswer(0L, "ok", token, 7200L).toString()).doesNotContain(token);
        assertThat(new OaJson.StableTokenRequest("client_credential", "wx1", token, false).toString())
                .doesNotContain(token);
        assertThat(new CredentialCache.Fetched(token, 7200).toString()).doesNotContain(token);
    }
}
