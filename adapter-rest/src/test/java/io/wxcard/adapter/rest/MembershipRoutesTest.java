package io.wxcard.adapter.rest;

import static io.wxcard.adapter.rest.CardRoutesTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.membership.MembershipState;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipRoutesTest {

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

    private static String base(String cardId, String code) {
        return "/v1/cards/" + cardId + "/memberships/" + code;
    }

    private Http.Answer points(String cardId, String code, String key, String body) {
        return m.http.post(base(cardId, code) + "/points", body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    // ---- reading ----------------------------------------------------------------------------------------------------

    @Test
    void lists_a_cards_memberships_by_state_and_reads_one_with_points_balance_and_form_answers() {
        String cardId = m.approved(Cards.merchantPage());
        String first = m.received(cardId, "o_first");
        String second = m.received(cardId, "o_second");
        m.http.post(base(cardId, second) + "/activate", null);

        JsonNode all = m.http.get("/v1/cards/" + cardId + "/memberships").json();
        JsonNode activated = m.http.get("/v1/cards/" + cardId + "/memberships?state=ACTIVATED").json();
        JsonNode one = m.http.get(base(cardId, first)).json();

        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(activated.get("items")).hasSize(1);
        assertThat(activated.at("/items/0/code").asText()).isEqualTo(second);
        assertThat(one.get("openid").asText()).isEqualTo("o_first");
        assertThat(one.get("state").asText()).isEqualTo("ISSUED");
        assertThat(one.get("points").asLong()).isZero();
        assertThat(one.get("balance").asLong()).isZero();
        assertThat(one.get("form_answers").isObject()).isTrue();
        assertThat(one.get("outer_str").asText()).isEqualTo("store_42");
    }

    @Test
    void answers_404_for_an_unknown_card_or_code() {
        String cardId = m.approved(Cards.merchantPage());

        Http.Answer noCard = m.http.get("/v1/cards/card_nope/memberships");
        Http.Answer noCode = m.http.get(base(cardId, "999999"));
        Http.Answer badCode = m.http.get(base(cardId, "not%20a%20code"));

        assertThat(noCard.status()).isEqualTo(404);
        assertThat(noCode.status()).isEqualTo(404);
        assertThat(noCode.json().get("detail").asText()).contains("membership 999999");
        assertThat(badCode.status()).isEqualTo(404);
    }

    // ---- activation ---------------------------------------------------------------------------------------------------

    @Test
    void activates_a_membership_with_opening_points_and_balance_and_refuses_a_second_activation() {
        String[] member = m.member(Cards.merchantPage());

        Http.Answer first = m.http.post(base(member[0], member[1]) + "/activate",
                "{\"membership_number\":\"VIP-0001\",\"init_bonus\":100,\"init_balance\":5000}");
        Http.Answer second = m.http.post(base(member[0], member[1]) + "/activate", null);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("state").asText()).isEqualTo("ACTIVATED");
        assertThat(first.json().get("activation_method").asText()).isEqualTo("API");
        assertThat(first.json().get("membership_number").asText()).isEqualTo("VIP-0001");
        assertThat(first.json().get("points").asLong()).isEqualTo(100);
        assertThat(first.json().get("balance").asLong()).isEqualTo(5000);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("membership-already-activated");
    }

    @Test
    void refuses_negative_opening_amounts_with_422_naming_the_fields() {
        String[] member = m.member(Cards.merchantPage());
        String before = h.state();

        Http.Answer answer = m.http.post(base(member[0], member[1]) + "/activate", "{\"init_bonus\":-1,\"init_balance\":-5}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(fields(answer)).containsExactly("init_bonus", "init_balance");
        assertThat(h.state()).isEqualTo(before);
    }

    // ---- points and stored value ---------------------------------------------------------------------------------

    @Test
    void adds_points_under_an_idempotency_key_and_a_replay_answers_the_first_answer_changing_nothing() {
        String[] member = m.member(Cards.minimal());
        String body = "{\"delta\":120,\"reason\":\"Tea tasting\",\"notify\":true}";

        Http.Answer first = points(member[0], member[1], "order-1", body);
        String after = h.state();
        Http.Answer replay = points(member[0], member[1], "order-1", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("points_after").asLong()).isEqualTo(120);
        assertThat(first.json().get("asset").asText()).isEqualTo("POINTS");
        assertThat(first.json().get("idempotency_key").asText()).isEqualTo("order-1");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(h.state()).isEqualTo(after);
        assertThat(m.membership(member[0], member[1]).totals().points().value()).isEqualTo(120);
    }

    @Test
    void reusing_a_key_for_another_change_is_a_422_and_changes_nothing() {
        String[] member = m.member(Cards.minimal());
        points(member[0], member[1], "order-2", "{\"delta\":10,\"reason\":\"Tea\"}");
        String before = h.state();

        Http.Answer reused = points(member[0], member[1], "order-2", "{\"delta\":11,\"reason\":\"Tea\"}");
        Http.Answer otherAsset = m.http.post(base(member[0], member[1]) + "/balance", "{\"delta\":10,\"reason\":\"Tea\"}",
                Map.of("Idempotency-Key", "order-2"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problemType()).isEqualTo("idempotency-key-reused");
        assertThat(otherAsset.status()).isEqualTo(422);
        assertThat(otherAsset.problemType()).isEqualTo("idempotency-key-reused");
        assertThat(h.state()).isEqualTo(before);
    }

    @Test
    void a_money_moving_post_without_an_idempotency_key_is_a_400_whatever_its_body() {
        String[] member = m.member(Cards.minimal());
        String before = h.state();

        Http.Answer missing = points(member[0], member[1], null, "{\"delta\":10,\"reason\":\"Tea\"}");
        Http.Answer missingWithBadBody = m.http.post(base(member[0], member[1]) + "/balance", "{not json");
        Http.Answer badKey = points(member[0], member[1], "has spaces in it", "{\"delta\":10,\"reason\":\"Tea\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemType()).isEqualTo("idempotency-key-required");
        assertThat(missing.json().get("title").asText()).isEqualTo("Idempotency-Key header required");
        assertThat(missingWithBadBody.problemType()).isEqualTo("idempotency-key-required");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(fields(badKey)).containsExactly("Idempotency-Key");
        assertThat(h.state()).isEqualTo(before);
    }

    @Test
    void takes_stored_value_in_fen_and_refuses_to_go_below_zero_with_409() {
        String[] member = m.member(Cards.minimal());
        Http.Answer topUp = m.http.post(base(member[0], member[1]) + "/balance", "{\"delta\":1050,\"reason\":\"Top-up\"}",
                Map.of("Idempotency-Key", "top-up-1"));
        Http.Answer spend = m.http.post(base(member[0], member[1]) + "/balance", "{\"delta\":-50,\"reason\":\"Tea\"}",
                Map.of("Idempotency-Key", "spend-1"));
        String before = h.state();

        Http.Answer overdraw = m.http.post(base(member[0], member[1]) + "/balance", "{\"delta\":-1001,\"reason\":\"Tea\"}",
                Map.of("Idempotency-Key", "spend-2"));

        assertThat(topUp.status()).isEqualTo(201);
        assertThat(spend.json().get("balance_after").asLong()).isEqualTo(1000);
        assertThat(overdraw.status()).isEqualTo(409);
        assertThat(overdraw.problemType()).isEqualTo("balance-would-go-negative");
        assertThat(h.state()).isEqualTo(before);
    }

    @Test
    void refuses_a_zero_delta_a_missing_reason_and_a_blank_reason_with_422_ledger_change_invalid() {
        String[] member = m.member(Cards.minimal());

        Http.Answer zero = points(member[0], member[1], "k-zero", "{\"delta\":0,\"reason\":\"Tea\"}");
        Http.Answer missing = points(member[0], member[1], "k-missing", "{}");
        Http.Answer blank = points(member[0], member[1], "k-blank", "{\"delta\":5,\"reason\":\"  \"}");

        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.problemType()).isEqualTo("ledger-change-invalid");
        assertThat(fields(zero)).containsExactly("delta");
        assertThat(fields(missing)).containsExactlyInAnyOrder("delta", "reason");
        assertThat(fields(blank)).containsExactly("reason");
    }

    @Test
    void refuses_deltas_and_opening_amounts_beyond_wechats_range_instead_of_overflowing() {
        String[] member = m.member(Cards.minimal());
        points(member[0], member[1], "k-small", "{\"delta\":10,\"reason\":\"Tea\"}");
        String[] issued = m.member(Cards.merchantPage());
        String before = h.state();

        Http.Answer huge = points(member[0], member[1], "k-huge", "{\"delta\":9223372036854775807,\"reason\":\"Tea\"}");
        Http.Answer opening = m.http.post(base(issued[0], issued[1]) + "/activate", "{\"init_bonus\":2147483648}");

        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.problemType()).isEqualTo("ledger-change-invalid");
        assertThat(fields(huge)).containsExactly("delta");
        assertThat(opening.status()).isEqualTo(422);
        assertThat(fields(opening)).containsExactly("init_bonus");
        assertThat(h.state()).isEqualTo(before);
    }

    @Test
    void refuses_a_change_or_an_opening_one_past_wechats_range_naming_the_field_and_storing_nothing() {
        String[] member = m.member(Cards.minimal());
        String[] issued = m.member(Cards.merchantPage());
        String before = h.state();

        Http.Answer points = points(member[0], member[1], "k-past", "{\"delta\":2147483648,\"reason\":\"Tea\"}");
        Http.Answer taken = points(member[0], member[1], "k-past-", "{\"delta\":-2147483648,\"reason\":\"Tea\"}");
        Http.Answer balance = m.http.post(base(member[0], member[1]) + "/balance",
                "{\"delta\":2147483648,\"reason\":\"Tea\"}", Map.of("Idempotency-Key", "k-balance"));
        Http.Answer opening = m.http.post(base(issued[0], issued[1]) + "/activate", "{\"init_balance\":2147483648}");

        for (Http.Answer answer : new Http.Answer[] {points, taken, balance}) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(422);
            assertThat(answer.problemType()).isEqualTo("ledger-change-invalid");
            assertThat(fields(answer)).containsExactly("delta");
            assertThat(answer.json().at("/errors/0/message").asText()).contains("2147483647", "WeChat's range");
        }
        assertThat(opening.status()).isEqualTo(422);
        assertThat(fields(opening)).containsExactly("init_balance");
        assertThat(opening.json().at("/errors/0/message").asText()).contains("2147483647", "WeChat's range");
        assertThat(h.state()).isEqualTo(before);
    }

    @Test
    void refuses_a_reason_of_256_characters_naming_the_field_and_storing_nothing_255_is_accepted() {
        String[] member = m.member(Cards.minimal());
        String before = h.state();
        String tooLong = "\"" + "r".repeat(256) + "\"";

        Http.Answer change = points(member[0], member[1], "k-long", "{\"delta\":5,\"reason\":" + tooLong + "}");
        Http.Answer invalidation = m.http.post(base(member[0], member[1]) + "/invalidate", "{\"reason\":" + tooLong + "}");

        assertThat(change.status()).isEqualTo(422);
        assertThat(change.problemType()).isEqualTo("ledger-change-invalid");
        assertThat(fields(change)).containsExactly("reason");
        assertThat(change.json().at("/errors/0/message").asText()).contains("255");
        assertThat(invalidation.status()).isEqualTo(422);
        assertThat(fields(invalidation)).containsExactly("reason");
        assertThat(invalidation.json().at("/errors/0/message").asText()).contains("255");
        assertThat(h.state()).isEqualTo(before);
        assertThat(m.membership(member[0], member[1]).state()).isEqualTo(MembershipState.ACTIVATED);

        Http.Answer longest = points(member[0], member[1], "k-255", "{\"delta\":5,\"reason\":\"" + "r".repeat(255) + "\"}");
        assertThat(longest.status()).as("%s", longest).isEqualTo(201);
    }

    @Test
    void refuses_points_on_a_membership_not_yet_activated_with_409() {
        String[] member = m.member(Cards.merchantPage());

        Http.Answer answer = points(member[0], member[1], "k-1", "{\"delta\":5,\"reason\":\"Tea\"}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.problemType()).isEqualTo("membership-not-activated");
    }

    @Test
    void reads_the_ledger_oldest_first_in_pages() {
        String[] member = m.member(Cards.minimal());
        points(member[0], member[1], "a", "{\"delta\":10,\"reason\":\"one\"}");
        points(member[0], member[1], "b", "{\"delta\":20,\"reason\":\"two\"}");
        points(member[0], member[1], "c", "{\"delta\":-5,\"reason\":\"three\"}");

        JsonNode page = m.http.get(base(member[0], member[1]) + "/ledger?offset=1&limit=2").json();

        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.at("/items/0/sequence").asLong()).isEqualTo(2);
        assertThat(page.at("/items/1/delta").asLong()).isEqualTo(-5);
        assertThat(page.at("/items/1/points_after").asLong()).isEqualTo(25);
        assertThat(page.at("/items/1/source").asText()).isEqualTo("MERCHANT");
    }

    // ---- invalidation and pulling ---------------------------------------------------------------------------------

    @Test
    void invalidates_a_membership_for_good() {
        String[] member = m.member(Cards.minimal());

        Http.Answer first = m.http.post(base(member[0], member[1]) + "/invalidate", "{\"reason\":\"card lost\"}");
        Http.Answer again = m.http.post(base(member[0], member[1]) + "/invalidate", "{\"reason\":\"card lost\"}");
        Http.Answer noReason = m.http.post(base(member[0], member[1]) + "/invalidate", "{}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("state").asText()).isEqualTo("INVALIDATED");
        assertThat(first.json().get("invalidation_reason").asText()).isEqualTo("card lost");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("membership-invalidated");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(fields(noReason)).containsExactly("reason");
        assertThat(m.membership(member[0], member[1]).state()).isEqualTo(MembershipState.INVALIDATED);
    }

    @Test
    void pulls_the_members_form_answers_from_wechat() {
        String cardId = m.approved(Cards.oneClick());
        String code = m.received(cardId, "o_form");
        h.wechat.submitForm(m.wechatCardId(cardId), new io.wxcard.domain.membership.Code(code),
                Map.of("USER_FORM_INFO_FLAG_NAME", "Li Lei"));

        Http.Answer answer = m.http.post(base(cardId, code) + "/pull", null);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().at("/form_answers/USER_FORM_INFO_FLAG_NAME").asText()).isEqualTo("Li Lei");
    }

    @Test
    void a_wechat_failure_while_activating_is_a_502_and_the_membership_stays_issued() {
        String[] member = m.member(Cards.merchantPage());
        h.wechat.failNext(new WechatError(WechatError.Kind.CONFLICT, "40127", "card deleted by the member"));

        Http.Answer answer = m.http.post(base(member[0], member[1]) + "/activate", null);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().get("wechat_errcode").asText()).isEqualTo("40127");
        assertThat(answer.json().get("wechat_error_kind").asText()).isEqualTo("CONFLICT");
        assertThat(m.membership(member[0], member[1]).state()).isEqualTo(MembershipState.ISSUED);
    }
}
