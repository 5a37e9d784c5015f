package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: template messages (43004 for a member who unfollowed, WeChat's refusals of a bad body), and updateuser's
 * system messages as notify_optional asks (points and balance notify by default, custom fields only when asked).
 */
class MessagesTest {
    private static Fixture f;

    @BeforeAll
    static void start() {
        f = Fixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String message(String openid) {
        return "{\"touser\":\"" + openid + "\",\"template_id\":\"tpl-points\",\"url\":\"https://tea.example.com\","
                + "\"data\":{\"first\":{\"value\":\"积分变动\"},\"remark\":{\"value\":\"会员日积分翻倍\"}}}";
    }

    @Test
    void a_template_message_reaches_a_follower_and_one_who_unfollowed_is_refused_with_43004() {
        Http.Response sent = f.oa("/cgi-bin/message/template/send", message("oFollower1"));
        assertThat(sent.json().path("errcode").asInt()).isZero();
        assertThat(sent.json().path("msgid").asLong()).isPositive();
        f.control("/sandbox/apps/" + Fixture.APP_ID + "/followers/oGone1/unfollow", "{}");
        Http.Response refused = f.oa("/cgi-bin/message/template/send", message("oGone1"));
        assertThat(refused.json().path("errcode").asInt()).isEqualTo(43004);
        f.control("/sandbox/apps/" + Fixture.APP_ID + "/followers/oGone1/follow", "{}");
        assertThat(f.oa("/cgi-bin/message/template/send", message("oGone1")).json().path("errcode").asInt()).isZero();
        JsonNode kept = f.http.get("/sandbox/apps/" + Fixture.APP_ID + "/template-messages").json().path("messages");
        assertThat(kept).extracting(m -> m.path("touser").asText()).contains("oFollower1", "oGone1");
        assertThat(kept.get(0).at("/data/remark/value").asText()).isEqualTo("会员日积分翻倍");
    }

    @Test
    void refuses_a_message_without_a_template_or_data() {
        assertThat(f.oa("/cgi-bin/message/template/send", "{\"touser\":\"o1\",\"data\":{\"a\":{\"value\":\"x\"}}}")
                .json().path("errcode").asInt()).isEqualTo(40037);
        assertThat(f.oa("/cgi-bin/message/template/send", "{\"touser\":\"o1\",\"template_id\":\"t\"}")
                .json().path("errcode").asInt()).isEqualTo(41011);
        assertThat(f.oa("/cgi-bin/message/template/send", "{\"template_id\":\"t\",\"data\":{\"a\":{\"value\":\"x\"}}}")
                .json().path("errcode").asInt()).isEqualTo(40003);
    }

    @Test
    void updateuser_shows_system_messages_as_notify_optional_asks() {
        String cardId = f.approvedCard(Fixture.memberCard());
        String code = f.receive(cardId, "oNotified1");
        f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code + "\",\"bonus\":30,"
                + "\"add_bonus\":30,\"record_bonus\":\"消费30元\",\"custom_field_value1\":\"银卡\"}");
        f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code + "\","
                + "\"custom_field_value1\":\"金卡\",\"background_pic_url\":\"https://mmbiz.qpic.cn/gold/0\","
                + "\"notify_optional\":{\"is_notify_custom_field1\":true}}");
        JsonNode member = f.state(cardId, code);
        assertThat(member.path("notices")).extracting(n -> n.path("kind").asText() + ":" + n.path("record").asText("")
                + n.path("value").asText("")).containsExactly("bonus:消费30元", "custom_field1:金卡");
        assertThat(member.path("background_pic_url").asText()).isEqualTo("https://mmbiz.qpic.cn/gold/0");
        assertThat(member.path("custom_field_value1").asText()).isEqualTo("金卡");
    }
}
