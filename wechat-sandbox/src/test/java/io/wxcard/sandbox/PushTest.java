package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushTest {
    private static final JsonNode VECTOR = TestVectors.load("wechat-msg-crypto.json");
    private static final String AES_KEY = VECTOR.get("encoding_aes_key").asText();

    private static SandboxSettings fast() {
        return SandboxSettings.defaults().withReviewDelay(Duration.ofMillis(50))
                .withPushTimeout(Duration.ofMillis(400)).withPushRetryDelay(Duration.ofMillis(10));
    }

    private static Fixture plain(PushReceiver receiver, SandboxSettings settings) {
        return Fixture.start(settings, SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET, Fixture.TOKEN,
                receiver.url()));
    }

    private static Map<String, String> single(List<PushReceiver.Delivery> deliveries) {
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0).event();
    }

    @Test
    void plain_mode_pushes_review_and_member_events_with_valid_signatures() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast())) {
            String cardId = f.createCard(Fixture.memberCard());

            Map<String, String> pass = single(receiver.awaitEvent("card_pass_check", cardId, 1));
            assertThat(pass.get("ToUserName")).startsWith("gh_");
            assertThat(pass.get("MsgType")).isEqualTo("event");
            assertThat(Long.parseLong(pass.get("CreateTime"))).isPositive();
            assertThat(pass).containsKeys("FromUserName", "RefuseReason");

            String code = f.receive(cardId, "oPushMember1");
            PushReceiver.Delivery get = receiver.awaitEvent("user_get_card", cardId, 1).get(0);
            assertThat(get.field("UserCardCode")).isEqualTo(code);
            assertThat(get.field("FromUserName")).isEqualTo("oPushMember1");
            assertThat(get.field("OuterStr")).isEqualTo("store_42");
            assertThat(get.field("IsRestoreMemberCard")).isEqualTo("0");
            assertThat(get.query()).containsEntry("openid", "oPushMember1").doesNotContainKey("encrypt_type");
            // the same elements, in the same order, as WeChat's own user_get_card
            assertThat(PushReceiver.names(get)).isEqualTo(List.copyOf(
                    PushReceiver.parseXml(VECTOR.get("plaintext_xml").asText()).keySet()));

            f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/delete", "");
            assertThat(single(receiver.awaitEvent("user_del_card", cardId, 1)).get("UserCardCode")).isEqualTo(code);
            f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/restore", "");
            List<PushReceiver.Delivery> gets = receiver.awaitEvent("user_get_card", cardId, 2);
            assertThat(gets).hasSize(2);
            assertThat(gets.get(1).field("IsRestoreMemberCard")).isEqualTo("1");
            assertThat(gets.get(1).field("UserCardCode")).isEqualTo(code);

            assertThat(receiver.deliveries()).allSatisfy(d -> assertThat(d.refusal()).isNull());
        }
    }

    @Test
    void updateuser_pushes_nothing_the_merchant_made_the_change_itself() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview())) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oPushMember2");
            String member = "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code + "\"";
            assertThat(f.oa("/card/membercard/updateuser", member + ",\"bonus\":50,\"balance\":700}").errcode())
                    .isZero();
            assertThat(f.oa("/card/membercard/updateuser", member + ",\"add_bonus\":5,\"add_balance\":-100}")
                    .errcode()).isZero();
            assertThat(f.state(cardId, code).get("bonus").asLong()).isEqualTo(55);

            // pushes are recorded when they are made, so the report is complete once updateuser has answered
            assertThat(f.http.get("/sandbox/pushes").json().get("pushes"))
                    .extracting(p -> p.get("event").asText()).containsExactly("card_pass_check", "user_get_card");
            // and nothing slipped through to the callback either: a later event arrives, no update_member_card
            f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/delete", "");
            receiver.awaitEvent("user_del_card", cardId, 1);
            assertThat(receiver.deliveries()).noneMatch(d -> "update_member_card".equals(d.field("Event")));
        }
    }

    @Test
    void with_the_echo_switched_on_updateuser_changes_are_pushed_as_update_member_card_with_the_deltas()
            throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview())) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oPushEcho1");
            String member = "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code + "\"";
            Http.Response on = f.control("/sandbox/apps/" + Fixture.APP_ID + "/echo-updateuser", "{\"enabled\":true}");
            assertThat(on.json().get("echo_updateuser").asBoolean()).as(on.body()).isTrue();
            assertThat(f.http.get("/sandbox/apps").json().get("apps").get(0).get("echo_updateuser").asBoolean())
                    .isTrue();

            f.oa("/card/membercard/updateuser", member + ",\"bonus\":50,\"balance\":700}");
            f.oa("/card/membercard/updateuser", member + ",\"add_bonus\":-5,\"add_balance\":0}");
            f.oa("/card/membercard/updateuser", member + ",\"bonus\":45,\"balance\":700}"); // same totals: no event
            f.oa("/card/membercard/updateuser", member + ",\"custom_field_value1\":\"Gold\"}"); // no total moves

            List<PushReceiver.Delivery> echoes = receiver.awaitEvent("update_member_card", cardId, 2);
            assertThat(echoes).extracting(d -> d.field("ModifyBonus") + "/" + d.field("ModifyBalance"))
                    .containsExactlyInAnyOrder("50/700", "-5/0");
            assertThat(echoes).allSatisfy(d -> assertThat(d.field("UserCardCode")).isEqualTo(code));

            f.sandbox.setEchoUpdateUser(Fixture.APP_ID, false);
            f.oa("/card/membercard/updateuser", member + ",\"add_bonus\":1}");
            f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/delete", "");
            receiver.awaitEvent("user_del_card", cardId, 1);
            assertThat(receiver.deliveries()).filteredOn(d -> "update_member_card".equals(d.field("Event")))
                    .hasSize(2);
            assertThat(f.control("/sandbox/apps/wxUnknown/echo-updateuser", "{\"enabled\":true}").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void the_echo_setting_applies_to_every_account() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview().withEchoUpdateUser(true))) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oPushEcho2");
            f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                    + "\",\"add_bonus\":7}");
            assertThat(single(receiver.awaitEvent("update_member_card", cardId, 1)).get("ModifyBonus"))
                    .isEqualTo("7");
        }
    }

    @Test
    void a_change_on_wechats_side_pushes_update_member_card_with_the_deltas_in_plain_mode() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview())) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oPushMember4");
            f.oa("/card/membercard/updateuser", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                    + "\",\"bonus\":100,\"balance\":500}");

            Http.Response change = f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/wechat-side-change",
                    "{\"bonus_delta\":-30,\"balance_delta\":0,\"reason\":\"redeemed in the WeChat mall\"}");
            assertThat(change.status()).as(change.body()).isEqualTo(200);
            assertThat(change.json().get("result_bonus").asLong()).isEqualTo(70);
            assertThat(change.json().get("result_balance").asLong()).isEqualTo(500);

            PushReceiver.Delivery update = receiver.awaitEvent("update_member_card", cardId, 1).get(0);
            assertThat(update.refusal()).isNull();
            assertThat(update.event()).containsEntry("CardId", cardId).containsEntry("UserCardCode", code)
                    .containsEntry("FromUserName", "oPushMember4").containsEntry("ModifyBonus", "-30")
                    .containsEntry("ModifyBalance", "0").containsEntry("MsgType", "event");
            assertThat(update.query()).containsEntry("openid", "oPushMember4").doesNotContainKey("encrypt_type");
            assertThat(PushReceiver.names(update)).containsExactly("ToUserName", "FromUserName", "CreateTime",
                    "MsgType", "Event", "CardId", "UserCardCode", "ModifyBonus", "ModifyBalance");

            JsonNode state = f.state(cardId, code);
            assertThat(state.get("bonus").asLong()).isEqualTo(70);
            JsonNode last = state.get("changes").get(state.get("changes").size() - 1);
            assertThat(last.get("source").asText()).isEqualTo("wechat");
            assertThat(last.get("reason").asText()).isEqualTo("redeemed in the WeChat mall");
            assertThat(last.get("bonus_delta").asLong()).isEqualTo(-30);
            assertThat(state.get("changes").get(0).get("source").asText()).isEqualTo("updateuser");
            assertThat(f.http.get("/sandbox/stats").json().get("wechat_side_changes").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_change_on_wechats_side_is_pushed_encrypted_in_safe_mode() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, AES_KEY, Fixture.APP_ID);
             Fixture f = Fixture.start(fast().withoutAutoReview(), SandboxApp.safe(Fixture.APP_ID, Fixture.SECRET,
                     Fixture.TOKEN, AES_KEY, receiver.url()))) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oSafeMember2");
            f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/wechat-side-change",
                    "{\"bonus_delta\":25,\"balance_delta\":\"1200\"}");

            PushReceiver.Delivery update = receiver.awaitEvent("update_member_card", cardId, 1).get(0);
            assertThat(update.refusal()).isNull();
            assertThat(update.query()).containsEntry("encrypt_type", "aes").containsKey("msg_signature");
            assertThat(update.body()).doesNotContain(code).doesNotContain("ModifyBonus");
            assertThat(update.event()).containsEntry("UserCardCode", code).containsEntry("ModifyBonus", "25")
                    .containsEntry("ModifyBalance", "1200");
        }
    }

    @Test
    void a_rejection_through_the_control_api_pushes_card_not_pass_check() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview())) {
            String cardId = f.createCard(Fixture.memberCard());
            Http.Response review = f.control("/sandbox/cards/" + cardId + "/review",
                    "{\"result\":\"not_pass\",\"refuse_reason\":\"logo is blurry\"}");
            assertThat(review.json().get("status").asText()).isEqualTo("CARD_STATUS_VERIFY_FAIL");

            Map<String, String> event = single(receiver.awaitEvent("card_not_pass_check", cardId, 1));
            assertThat(event.get("RefuseReason")).isEqualTo("logo is blurry");
            assertThat(f.control("/sandbox/cards/" + cardId + "/review", "{\"result\":\"pass\"}").json()
                    .get("errcode").asInt()).isEqualTo(40078);
            assertThat(f.control("/sandbox/cards/" + cardId + "/review", "{\"result\":\"maybe\"}").status())
                    .isEqualTo(400);
        }
    }

    @Test
    void the_auto_review_approves_again_after_an_update_needing_review() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast())) {
            String cardId = f.createCard(Fixture.memberCard());
            receiver.awaitEvent("card_pass_check", cardId, 1);
            f.oa("/card/update", "{\"card_id\":\"" + cardId + "\",\"member_card\":{\"base_info\":"
                    + "{\"logo_url\":\"http://mmbiz.qpic.cn/new.png\"}}}");

            assertThat(receiver.awaitEvent("card_pass_check", cardId, 2)).hasSize(2);
            assertThat(f.http.get("/sandbox/cards/" + cardId).json().get("status").asText())
                    .isEqualTo("CARD_STATUS_VERIFY_OK");
        }
    }

    @Test
    void one_click_form_submission_pushes_submit_membercard_user_info() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview())) {
            ObjectNode definition = Fixture.memberCard();
            definition.remove("auto_activate");
            definition.put("wx_activate", true);
            String cardId = f.approvedCard(definition);
            String code = f.receive(cardId, "oPushMember3");
            f.control("/sandbox/cards/" + cardId + "/codes/" + code + "/form",
                    "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\",\"value\":\"13900000000\"}]}");

            Map<String, String> event = single(receiver.awaitEvent("submit_membercard_user_info", cardId, 1));
            assertThat(event.get("UserCardCode")).isEqualTo(code);
            assertThat(event.get("FromUserName")).isEqualTo("oPushMember3");
        }
    }

    @Test
    void safe_mode_encrypts_the_body_and_signs_the_ciphertext() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, AES_KEY, Fixture.APP_ID);
             Fixture f = Fixture.start(fast().withoutAutoReview(), SandboxApp.safe(Fixture.APP_ID, Fixture.SECRET,
                     Fixture.TOKEN, AES_KEY, receiver.url()))) {
            // no auto-review: it would race the manual approval (40078 when it wins)
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oSafeMember1");

            PushReceiver.Delivery delivery = receiver.awaitEvent("user_get_card", cardId, 1).get(0);
            assertThat(delivery.field("UserCardCode")).isEqualTo(code);
            assertThat(delivery.query()).containsEntry("encrypt_type", "aes").containsKeys("msg_signature",
                    "signature", "timestamp", "nonce");
            assertThat(PushReceiver.parseXml(delivery.body()).keySet()).containsExactly("ToUserName", "Encrypt");
            assertThat(delivery.body()).doesNotContain(code);
            assertThat(receiver.deliveries()).allSatisfy(d -> assertThat(d.refusal()).isNull());
        }
    }

    @Test
    void a_silent_callback_gets_the_same_message_again_until_it_answers() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview())) {
            receiver.staySilent(2, 1_500);
            String cardId = f.createCard(Fixture.memberCard());
            f.control("/sandbox/cards/" + cardId + "/review", "{\"result\":\"pass\"}");

            List<PushReceiver.Delivery> attempts = receiver.awaitEvent("card_pass_check", cardId, 3);
            assertThat(attempts).hasSize(3);
            assertThat(attempts).extracting(PushReceiver.Delivery::body).containsOnly(attempts.get(0).body());
            assertThat(attempts).extracting(d -> d.query().get("signature"))
                    .containsOnly(attempts.get(0).query().get("signature"));
            JsonNode push = awaitPushStatus(f, "delivered");
            assertThat(push.get("attempts").asInt()).isEqualTo(3);
        }
    }

    @Test
    void after_three_retries_the_push_is_given_up() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview())) {
            receiver.staySilent(10, 1_000);
            String cardId = f.createCard(Fixture.memberCard());
            f.control("/sandbox/cards/" + cardId + "/review", "{\"result\":\"pass\"}");

            JsonNode push = awaitPushStatus(f, "failed");
            assertThat(push.get("attempts").asInt()).isEqualTo(4);
            assertThat(receiver.awaitEvent("card_pass_check", cardId, 4)).hasSize(4);
            assertThat(f.http.get("/sandbox/stats").json().get("pushes_failed").asInt()).isEqualTo(1);
        }
    }

    @Test
    void without_a_callback_url_events_are_recorded_but_not_sent() {
        try (Fixture f = Fixture.start(fast().withoutAutoReview(), SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET, "t", null))) {
            String cardId = f.approvedCard(Fixture.memberCard());
            f.receive(cardId, "oNoCallback1");

            JsonNode pushes = f.http.get("/sandbox/pushes").json().get("pushes");
            assertThat(pushes).filteredOn(p -> p.get("event").asText().equals("user_get_card"))
                    .singleElement().satisfies(p -> {
                        assertThat(p.get("status").asText()).isEqualTo("no_callback");
                        assertThat(p.get("xml").asText()).contains("<UserCardCode>");
                    });
        }
    }

    /** Polls the push report until the single push reaches the status (at most 10 s). */
    private static JsonNode awaitPushStatus(Fixture f, String status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        JsonNode push;
        do {
            push = f.http.get("/sandbox/pushes").json().get("pushes").get(0);
            if (push != null && push.get("status").asText().equals(status)) {
                return push;
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        return push;
    }

    @Test
    void only_http_200_counts_as_delivered_and_every_retry_sends_the_same_bytes() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview())) {
            String cardId = f.createCard(Fixture.memberCard());
            receiver.answerWith(202, "success", 2); // a 2xx that is not 200 is not an answer for WeChat
            f.control("/sandbox/cards/" + cardId + "/review", "{\"result\":\"pass\"}");

            List<PushReceiver.Delivery> attempts = receiver.awaitEvent("card_pass_check", cardId, 3);
            assertThat(attempts).hasSize(3);
            assertThat(attempts).extracting(PushReceiver.Delivery::body).containsOnly(attempts.get(0).body());
            assertThat(attempts).extracting(PushReceiver.Delivery::query).containsOnly(attempts.get(0).query());
            JsonNode push = awaitStatus(f, "delivered");
            assertThat(push.get("attempts").asInt()).isEqualTo(3);
            assertThat(push.get("attempt_log")).extracting(a -> a.get("http_status").asInt())
                    .containsExactly(202, 202, 200);
            assertThat(push.get("attempt_log").get(0).get("error").asText()).isEqualTo("HTTP 202");
            assertThat(push.get("attempt_log").get(2).get("error").isNull()).isTrue();
            assertThat(push.get("attempt_log").get(2).get("answer_accepted").asBoolean()).isTrue();
        }
    }

    @Test
    void a_200_with_another_body_is_delivered_and_noted() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID);
             Fixture f = plain(receiver, fast().withoutAutoReview())) {
            receiver.answerWith(200, "<xml>not what WeChat asks for</xml>", 1);
            String cardId = f.approvedCard(Fixture.memberCard());
            receiver.awaitEvent("card_pass_check", cardId, 1);
            JsonNode push = awaitStatus(f, "delivered");
            assertThat(push.get("attempts").asInt()).isEqualTo(1);
            assertThat(push.get("attempt_log").get(0).get("answer_accepted").asBoolean()).isFalse();
            assertThat(push.get("attempt_log").get(0).get("answer").asText()).contains("not what WeChat asks for");
        }
    }

    private static JsonNode awaitStatus(Fixture f, String status) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode pushes = f.http.get("/sandbox/pushes").json().get("pushes");
            if (pushes.size() > 0 && pushes.get(pushes.size() - 1).get("status").asText().equals(status)) {
                return pushes.get(pushes.size() - 1);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no push reached " + status + ": " + f.http.get("/sandbox/pushes").body());
    }
}
