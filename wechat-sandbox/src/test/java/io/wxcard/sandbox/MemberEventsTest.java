package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Gifts, silent WeChat-side changes and the member events that change nothing, as the control API plays them. */
class MemberEventsTest {

    private static Fixture plain(PushReceiver receiver) {
        return Fixture.start(SandboxSettings.defaults().withoutAutoReview().withPushTimeout(Duration.ofMillis(400))
                .withPushRetryDelay(Duration.ofMillis(10)), SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET,
                Fixture.TOKEN, receiver.url()));
    }

    private static String userInfo(String cardId, String code) {
        return "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code + "\"}";
    }

    @Test
    void a_gift_holds_the_code_then_moves_the_card_to_a_new_code_and_the_old_one_stops_existing() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID); Fixture f = plain(receiver)) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oGiver1");
            f.oa("/card/membercard/activate", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                    + "\",\"membership_number\":\"M1\"}");
            f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                    + "\",\"bonus\":100}");
            String path = "/sandbox/cards/" + cardId + "/codes/" + code;

            assertThat(f.control(path + "/gift", "{\"friend_openid\":\"oFriend1\"}").status()).isEqualTo(200);
            var sent = receiver.awaitEvent("user_gifting_card", cardId, 1).get(0).event();
            assertThat(sent).containsEntry("FromUserName", "oGiver1").containsEntry("UserCardCode", code)
                    .containsEntry("IsReturnBack", "0").containsEntry("FriendUserName", "oFriend1");
            assertThat(f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                    + "\",\"bonus\":1}").errcode()).as("a code being gifted").isEqualTo(40127);

            Http.Response accepted = f.control(path + "/gift/accept", "{\"friend_openid\":\"oFriend1\"}");
            String newCode = accepted.json().get("code").asText();
            var got = receiver.awaitEvent("user_get_card", cardId, 2).stream().map(PushReceiver.Delivery::event)
                    .filter(event -> "1".equals(event.get("IsGiveByFriend"))).findFirst().orElseThrow();
            assertThat(got).containsEntry("FromUserName", "oFriend1").containsEntry("IsGiveByFriend", "1")
                    .containsEntry("UserCardCode", newCode).containsEntry("OldUserCardCode", code)
                    .containsEntry("FriendUserName", "oGiver1");
            assertThat(f.oa("/card/membercard/userinfo/get", userInfo(cardId, code)).errcode()).isEqualTo(40056);
            Http.Response friend = f.oa("/card/membercard/userinfo/get", userInfo(cardId, newCode));
            assertThat(friend.json().get("bonus").asLong()).isEqualTo(100);
            assertThat(friend.json().get("openid").asText()).isEqualTo("oFriend1");
        }
    }

    @Test
    void a_gift_nobody_accepts_comes_back_to_the_giver() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID); Fixture f = plain(receiver)) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oGiver2");
            String path = "/sandbox/cards/" + cardId + "/codes/" + code;
            f.control(path + "/gift", "{\"chat_room\":true}");

            assertThat(f.control(path + "/gift/return", "{}").status()).isEqualTo(200);
            assertThat(receiver.awaitEvent("user_gifting_card", cardId, 2)).extracting(d -> d.event().get("IsReturnBack"))
                    .as("pushes may arrive in any order").containsExactlyInAnyOrder("0", "1");
            assertThat(f.control(path + "/gift/return", "{}").status()).as("nothing in transit").isEqualTo(400);
            assertThat(f.oa("/card/membercard/userinfo/get", userInfo(cardId, code)).json()
                    .get("user_card_status").asText()).isEqualTo("NORMAL");
        }
    }

    @Test
    void member_events_stock_warnings_and_coupon_point_orders_are_pushed_with_their_fields() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID); Fixture f = plain(receiver)) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oMember9");
            String events = "/sandbox/cards/" + cardId + "/codes/" + code + "/events";

            f.control(events, "{\"event\":\"user_pay_from_pay_cell\",\"TransId\":\"42\",\"Fee\":990,\"OriginalFee\":1200}");
            f.control("/sandbox/cards/" + cardId + "/stock-low", "{\"detail\":\"low\"}");
            assertThat(f.control(events, "{\"event\":\"user_dance\"}").status()).isEqualTo(400);

            var paid = receiver.awaitEvent("user_pay_from_pay_cell", cardId, 1).get(0).event();
            assertThat(paid).containsEntry("TransId", "42").containsEntry("Fee", "990")
                    .containsEntry("OriginalFee", "1200").containsEntry("FromUserName", "oMember9");
            assertThat(receiver.awaitEvent("card_sku_remind", cardId, 1).get(0).event()).containsEntry("Detail", "low");
        }
    }

    @Test
    void a_silent_wechat_side_change_moves_the_totals_and_pushes_nothing() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID); Fixture f = plain(receiver)) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oMember10");
            f.oa("/card/membercard/activate", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                    + "\",\"membership_number\":\"M2\"}");
            f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                    + "\",\"bonus\":50}");

            assertThat(f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/wechat-side-change",
                    "{\"bonus_delta\":-20,\"push\":false}").status()).isEqualTo(200);
            f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/wechat-side-change", "{\"bonus_delta\":-1}");

            assertThat(receiver.awaitEvent("update_member_card", cardId, 1).get(0).event())
                    .containsEntry("ModifyBonus", "-1");
            assertThat(f.state(cardId, code).get("bonus").asLong()).isEqualTo(29);
        }
    }
}
