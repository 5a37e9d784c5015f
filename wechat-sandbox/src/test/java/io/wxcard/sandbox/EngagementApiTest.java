package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Store codes that open a held card, user tags, card messages and card statistics, over real HTTP. */
class EngagementApiTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String qrTicket(String cardId, String outerStr) {
        return f.oa("/card/qrcode/create", "{\"action_name\":\"QR_CARD\",\"action_info\":{\"card\":{\"card_id\":\""
                + cardId + "\",\"outer_str\":\"" + outerStr + "\"}}}").json().get("ticket").asText();
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void a_member_who_holds_the_card_and_scans_a_stores_code_is_opened_to_it_not_given_a_second() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String ticket = qrTicket(cardId, "store-jingan");
        Http.Response first = f.control("/sandbox/qrcodes/" + ticket + "/scan", "{\"openid\":\"oScan1\"}");
        String code = first.json().get("code").asText();

        Http.Response again = f.control("/sandbox/qrcodes/" + ticket + "/scan", "{\"openid\":\"oScan1\"}");

        assertThat(again.json().get("opened").asBoolean()).as(again.body()).isTrue();
        assertThat(again.json().get("code").asText()).isEqualTo(code);
        JsonNode day = f.oa("/datacube/getcardmembercarddetail", "{\"begin_date\":\"" + today() + "\",\"end_date\":\""
                + today() + "\",\"card_id\":\"" + cardId + "\"}").json().get("list").get(0);
        assertThat(day.get("receive_cnt").asLong()).isEqualTo(1);
        assertThat(day.get("view_cnt").asLong()).isEqualTo(1);
        assertThat(day.get("active_user").asLong()).isEqualTo(1); // the card activates itself
    }

    @Test
    void datacube_refuses_more_than_62_days_a_bad_format_and_days_to_come() {
        String cardId = f.approvedCard(Fixture.memberCard());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String tooLong = "{\"begin_date\":\"" + today.minusDays(62) + "\",\"end_date\":\"" + today + "\",\"card_id\":\""
                + cardId + "\"}";
        String longest = "{\"begin_date\":\"" + today.minusDays(61) + "\",\"end_date\":\"" + today
                + "\",\"card_id\":\"" + cardId + "\"}";

        assertThat(f.oa("/datacube/getcardmembercarddetail", tooLong).errcode()).isEqualTo(61501);
        assertThat(f.oa("/datacube/getcardmembercarddetail", longest).json().get("list").size()).isEqualTo(62);
        assertThat(f.oa("/datacube/getcardmembercardinfo", "{\"begin_date\":\"2026/11/01\",\"end_date\":\""
                + today + "\",\"cond_source\":1}").errcode()).isEqualTo(61500);
        assertThat(f.oa("/datacube/getcardbizuininfo", "{\"begin_date\":\"" + today + "\",\"end_date\":\""
                + today.plusDays(1) + "\",\"cond_source\":1}").errcode()).isEqualTo(61501);
    }

    @Test
    void a_tag_reaches_a_mass_send_of_the_card_and_its_rules_hold() {
        String cardId = f.approvedCard(Fixture.memberCard());
        f.receive(cardId, "oTagged1");
        f.receive(cardId, "oTagged2");
        long tagId = f.oa("/cgi-bin/tags/create", "{\"tag\":{\"name\":\"静安老会员\"}}").json().get("tag").get("id")
                .asLong();

        assertThat(f.oa("/cgi-bin/tags/create", "{\"tag\":{\"name\":\"静安老会员\"}}").errcode()).isEqualTo(45157);
        assertThat(f.oa("/cgi-bin/tags/create", "{\"tag\":{\"name\":\"一二三四五六七八九十一\"}}").errcode())
                .isEqualTo(45158);
        assertThat(f.oa("/cgi-bin/tags/members/batchtagging", "{\"openid_list\":[\"oTagged1\",\"oTagged2\"],"
                + "\"tagid\":" + tagId + "}").errcode()).isZero();
        assertThat(f.oa("/cgi-bin/tags/members/batchtagging", "{\"openid_list\":[\"oTagged1\"],\"tagid\":99999}")
                .errcode()).isEqualTo(45159);
        Http.Response sent = f.oa("/cgi-bin/message/mass/sendall", "{\"filter\":{\"is_to_all\":false,\"tag_id\":"
                + tagId + "},\"wxcard\":{\"card_id\":\"" + cardId + "\"},\"msgtype\":\"wxcard\"}");

        assertThat(sent.json().get("msg_id").asLong()).as(sent.body()).isPositive();
        JsonNode received = f.http.get("/sandbox/apps/" + Fixture.APP_ID + "/messages").json().get("messages");
        assertThat(received.findValuesAsText("openid")).contains("oTagged1", "oTagged2");
    }

    @Test
    void a_follower_gets_at_most_four_mass_messages_a_month_and_a_send_reaching_nobody_is_45028() {
        String cardId = f.approvedCard(Fixture.memberCard());
        f.receive(cardId, "oCapped1");
        long tagId = f.oa("/cgi-bin/tags/create", "{\"tag\":{\"name\":\"月度上限\"}}").json().get("tag").get("id")
                .asLong();
        f.oa("/cgi-bin/tags/members/batchtagging", "{\"openid_list\":[\"oCapped1\"],\"tagid\":" + tagId + "}");
        String send = "{\"filter\":{\"is_to_all\":false,\"tag_id\":" + tagId + "},\"wxcard\":{\"card_id\":\""
                + cardId + "\"},\"msgtype\":\"wxcard\"}";
        for (int i = 0; i < 4; i++) {
            assertThat(f.oa("/cgi-bin/message/mass/sendall", send).errcode()).isZero();
        }

        Http.Response fifth = f.oa("/cgi-bin/message/mass/sendall", send);
        f.receive(cardId, "oCapped2");
        f.oa("/cgi-bin/tags/members/batchtagging", "{\"openid_list\":[\"oCapped2\"],\"tagid\":" + tagId + "}");
        Http.Response withANewcomer = f.oa("/cgi-bin/message/mass/sendall", send);

        assertThat(fifth.errcode()).as(fifth.body()).isEqualTo(45028);
        assertThat(fifth.json().get("errmsg").asText()).contains("has no masssend quota");
        assertThat(withANewcomer.errcode()).as(withANewcomer.body()).isZero();
        JsonNode capped = f.http.get("/sandbox/apps/" + Fixture.APP_ID + "/messages?openid=oCapped1").json()
                .get("messages");
        JsonNode newcomer = f.http.get("/sandbox/apps/" + Fixture.APP_ID + "/messages?openid=oCapped2").json()
                .get("messages");
        assertThat(capped.findValuesAsText("kind").stream().filter("mass"::equals).count()).isEqualTo(4);
        assertThat(newcomer.findValuesAsText("kind")).containsExactly("mass");
    }

    @Test
    void untagging_removes_a_follower_from_the_tag_and_the_tags_followers_come_back_page_by_page() {
        String cardId = f.approvedCard(Fixture.memberCard());
        f.receive(cardId, "oUntag1");
        f.receive(cardId, "oUntag2");
        long tagId = f.oa("/cgi-bin/tags/create", "{\"tag\":{\"name\":\"离开的会员\"}}").json().get("tag").get("id")
                .asLong();
        f.oa("/cgi-bin/tags/members/batchtagging", "{\"openid_list\":[\"oUntag1\",\"oUntag2\"],\"tagid\":" + tagId
                + "}");

        JsonNode before = f.oa("/cgi-bin/user/tag/get", "{\"tagid\":" + tagId + ",\"next_openid\":\"\"}").json();
        assertThat(f.oa("/cgi-bin/tags/members/batchuntagging", "{\"openid_list\":[\"oUntag1\"],\"tagid\":"
                + tagId + "}").errcode()).isZero();
        JsonNode after = f.oa("/cgi-bin/user/tag/get", "{\"tagid\":" + tagId + "}").json();
        JsonNode pastTheEnd = f.oa("/cgi-bin/user/tag/get", "{\"tagid\":" + tagId + ",\"next_openid\":\""
                + after.get("next_openid").asText() + "\"}").json();

        assertThat(before.get("count").asInt()).isEqualTo(2);
        assertThat(before.get("data").get("openid").toString()).contains("oUntag1", "oUntag2");
        assertThat(after.get("count").asInt()).isEqualTo(1);
        assertThat(after.get("data").get("openid").get(0).asText()).isEqualTo("oUntag2");
        assertThat(after.get("next_openid").asText()).isEqualTo("oUntag2");
        assertThat(pastTheEnd.get("count").asInt()).isZero();
        assertThat(pastTheEnd.get("next_openid").asText()).isEmpty();
        assertThat(f.oa("/cgi-bin/tags/members/batchuntagging", "{\"openid_list\":[\"oUntag2\"],\"tagid\":99999}")
                .errcode()).isEqualTo(45159);
        assertThat(f.oa("/cgi-bin/user/tag/get", "{\"tagid\":99999}").errcode()).isEqualTo(45159);
    }

    @Test
    void a_customer_service_card_message_needs_the_member_to_have_written_in_the_last_48_hours() {
        String cardId = f.approvedCard(Fixture.memberCard());
        f.receive(cardId, "oChat1");
        String message = "{\"touser\":\"oChat1\",\"msgtype\":\"wxcard\",\"wxcard\":{\"card_id\":\"" + cardId + "\"}}";

        assertThat(f.oa("/cgi-bin/message/custom/send", message).errcode()).isEqualTo(45015);
        f.control("/sandbox/apps/" + Fixture.APP_ID + "/users/oChat1/message", "{}");
        assertThat(f.oa("/cgi-bin/message/custom/send", message).errcode()).isZero();
    }
}
