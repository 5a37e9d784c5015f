package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /card/code/consume} and {@code /card/code/update}, and what a repeat of each answers. */
class CodeUseTest {

    private static Fixture start(PushReceiver receiver) {
        return Fixture.start(SandboxSettings.defaults().withoutAutoReview()
                        .withPushTimeout(Duration.ofMillis(400)).withPushRetryDelay(Duration.ofMillis(10)),
                SandboxApp.plain(Fixture.APP_ID, Fixture.SECRET, Fixture.TOKEN, receiver.url()));
    }

    private static String member(String cardId, String code) {
        return "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code + "\"}";
    }

    @Test
    void consume_answers_the_openid_once_pushes_user_consume_card_and_a_repeat_is_40099() throws Exception {
        try (PushReceiver receiver = new PushReceiver(Fixture.TOKEN, null, Fixture.APP_ID); Fixture f = start(receiver)) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oConsume000000000000000000001");

            Http.Response consumed = f.oa("/card/code/consume", member(cardId, code));
            Http.Response again = f.oa("/card/code/consume", member(cardId, code));
            Http.Response checked = f.oa("/card/code/get", "{\"card_id\":\"" + cardId + "\",\"code\":\"" + code
                    + "\",\"check_consume\":true}");

            assertThat(consumed.errcode()).as(consumed.body()).isZero();
            assertThat(consumed.json().get("openid").asText()).isEqualTo("oConsume000000000000000000001");
            assertThat(consumed.json().at("/card/card_id").asText()).isEqualTo(cardId);
            assertThat(again.errcode()).isEqualTo(40099);
            assertThat(checked.errcode()).isEqualTo(40099);
            assertThat(f.state(cardId, code).get("user_card_status").asText()).isEqualTo("CONSUMED");
            Map<String, String> event = receiver.awaitEvent("user_consume_card", cardId, 1).get(0).event();
            assertThat(event).containsEntry("UserCardCode", code).containsEntry("ConsumeSource", "FROM_API");
        }
    }

    @Test
    void a_repeated_unavailable_answers_40099_as_a_consumed_code_does() {
        try (Fixture f = Fixture.start()) {
            String cardId = f.approvedCard(Fixture.memberCard());
            String code = f.receive(cardId, "oUnavail000000000000000000001");

            assertThat(f.oa("/card/code/unavailable", member(cardId, code)).errcode()).isZero();
            Http.Response again = f.oa("/card/code/unavailable", member(cardId, code));

            assertThat(again.errcode()).isEqualTo(40099);
            assertThat(f.oa("/card/code/consume", member(cardId, code)).errcode()).isEqualTo(40099);
        }
    }

    @Test
    void update_gives_a_custom_code_card_member_a_new_code_and_refuses_other_cards_and_taken_codes() {
        try (Fixture f = Fixture.start()) {
            ObjectNode custom = Fixture.memberCard();
            ((ObjectNode) custom.get("base_info")).put("use_custom_code", true);
            String cardId = f.approvedCard(custom);
            for (String code : new String[] {"VIP-0001", "VIP-0002"}) {
                assertThat(f.control("/sandbox/cards/" + cardId + "/users", "{\"openid\":\"oCode" + code
                        + "\",\"code\":\"" + code + "\"}").status()).isEqualTo(200);
            }
            String generated = f.approvedCard(Fixture.memberCard());
            String generatedCode = f.receive(generated, "oCodeGen0000000000000000001");

            Http.Response changed = f.oa("/card/code/update", "{\"card_id\":\"" + cardId
                    + "\",\"code\":\"VIP-0001\",\"new_code\":\"VIP-0101\"}");
            Http.Response taken = f.oa("/card/code/update", "{\"card_id\":\"" + cardId
                    + "\",\"code\":\"VIP-0101\",\"new_code\":\"VIP-0002\"}");
            Http.Response repeated = f.oa("/card/code/update", "{\"card_id\":\"" + cardId
                    + "\",\"code\":\"VIP-0001\",\"new_code\":\"VIP-0101\"}");
            Http.Response notCustom = f.oa("/card/code/update", "{\"card_id\":\"" + generated
                    + "\",\"code\":\"" + generatedCode + "\",\"new_code\":\"X1\"}");

            assertThat(changed.errcode()).as(changed.body()).isZero();
            assertThat(f.state(cardId, "VIP-0101").get("openid").asText()).isEqualTo("oCodeVIP-0001");
            assertThat(f.oa("/card/code/get", member(cardId, "VIP-0001")).errcode()).isEqualTo(40056);
            assertThat(taken.errcode()).isEqualTo(40097);
            assertThat(repeated.errcode()).as("the old code is gone").isEqualTo(40056);
            assertThat(notCustom.errcode()).isEqualTo(40078);
        }
    }
}
