package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Option;
import io.wxcard.domain.ledger.Fen;
import io.wxcard.domain.loyalty.LevelName;
import io.wxcard.domain.loyalty.MemberStanding;
import io.wxcard.domain.membership.OpenId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stores, segments and card messages over real HTTP, against the real services on the in-memory stores and a WeChat
 * that keeps tags and messages by the sandbox's rules (the same flows over the sandbox: adapter-wechat's
 * EngagementOverSandboxTest, and bootstrap's EngagementCliIT through the packaged jar).
 */
class EngagementRoutesTest {

    private static ApiHarness h;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static List<String> fields(Http.Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static String store(Merchant m, String name) {
        Http.Answer added = m.http.post("/v1/stores", Http.json(Map.of("name", name, "address", "1 Nanjing Road")));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        return added.json().get("id").asText();
    }

    private static void points(Merchant m, String card, String code, long delta) {
        Http.Answer changed = m.http.post("/v1/cards/" + card + "/memberships/" + code + "/points",
                "{\"delta\":" + delta + ",\"reason\":\"test\"}", Map.of("Idempotency-Key", "p-" + code + "-" + delta));
        assertThat(changed.status()).as("%s", changed).isBetween(200, 201);
    }

    @Test
    void a_store_is_added_listed_read_edited_and_its_qr_code_carries_the_store() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());
        String store = store(m, "Jing'an");

        Http.Answer edited = m.http.patch("/v1/stores/" + store, "{\"address\":\"9 West Road\",\"location_id\":493}");
        Http.Answer qr = m.http.get("/v1/cards/" + card + "/stores/" + store + "/qr-code?expire_seconds=600");

        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(edited.json().get("name").asText()).isEqualTo("Jing'an");
        assertThat(edited.json().get("location_id").asLong()).isEqualTo(493);
        assertThat(m.http.get("/v1/stores/" + store).json().get("address").asText()).isEqualTo("9 West Road");
        assertThat(m.http.get("/v1/stores").json().get("items")).hasSize(1);
        assertThat(qr.status()).as("%s", qr).isEqualTo(200);
        assertThat(qr.json().get("outer_str").asText()).isEqualTo("store-" + store);
        assertThat(qr.json().get("ticket").asText()).isNotBlank();
        assertThat(qr.json().get("expire_seconds").asInt()).isEqualTo(600);
        assertThat(h.newMerchant().http.get("/v1/stores/" + store).status()).as("another tenant's").isEqualTo(404);
    }

    @Test
    void a_store_without_a_name_or_with_a_bad_location_is_refused_naming_the_fields_and_nothing_is_kept() {
        Merchant m = h.newMerchant();
        Http.Answer refused = m.http.post("/v1/stores", "{\"name\":\" \",\"address\":\"x\",\"location_id\":-3}");
        String store = store(m, "Xuhui");
        Http.Answer badPatch = m.http.patch("/v1/stores/" + store, "{\"name\":null}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("STORE_INVALID");
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "location_id");
        assertThat(badPatch.status()).isEqualTo(422);
        assertThat(m.http.get("/v1/stores").json().get("items")).hasSize(1);
        assertThat(m.http.get("/v1/stores/" + store).json().get("name").asText()).isEqualTo("Xuhui");
        assertThat(m.http.get("/v1/cards/nope/stores/" + store + "/qr-code").status()).isEqualTo(404);
        assertThat(m.http.get("/v1/cards/nope/stores/" + store + "/qr-code?expire_seconds=5").status())
                .isBetween(400, 422);
    }

    @Test
    void a_segment_becomes_a_tag_its_members_carry_and_a_member_who_left_it_is_untagged_at_the_next_sync() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());
        String store = store(m, "Pudong");
        String rich = m.received(card, "o_rich", "store-" + store);
        String poor = m.received(card, "o_poor", "store-" + store);
        m.received(card, "o_elsewhere");
        points(m, card, rich, 500);
        points(m, card, poor, 50);
        Http.Answer defined = m.http.post("/v1/cards/" + card + "/segments",
                Http.json(Map.of("name", "浦东常客", "min_points", 100, "store", store)));
        String segment = "/v1/cards/" + card + "/segments/" + defined.json().get("id").asText();

        Http.Answer first = m.http.post(segment + "/sync", null);
        points(m, card, rich, -450); // now 50: below the segment
        points(m, card, poor, 100); // now 150: in it
        Http.Answer second = m.http.post(segment + "/sync", null);

        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().get("tagged").asInt()).isEqualTo(1);
        long tag = first.json().get("segment").get("wechat_tag_id").asLong();
        assertThat(second.json().get("tagged").asInt()).isEqualTo(1);
        assertThat(second.json().get("untagged").asInt()).isEqualTo(1);
        assertThat(second.json().get("segment").get("wechat_tag_id").asLong()).as("one tag").isEqualTo(tag);
        assertThat(h.engagementWechat.carriers(tag)).containsExactly(new OpenId("o_poor"));
        JsonNode read = m.http.get(segment).json();
        assertThat(read.get("members").asInt()).isEqualTo(1);
        assertThat(read.get("criteria").get("store").asText()).isEqualTo(store);
        assertThat(m.http.get("/v1/cards/" + card + "/segments").json().get("items")).hasSize(1);
    }

    @Test
    void a_segment_by_level_reads_the_members_levels() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());
        String gold = m.received(card, "o_gold");
        m.received(card, "o_plain");
        h.stores.standings().saveLevel(new MemberStanding(m.key(card, gold), Option.of(new LevelName("金卡")),
                Fen.ZERO, h.clock.now()));
        String id = m.http.post("/v1/cards/" + card + "/segments", "{\"name\":\"gold\",\"level\":\"金卡\"}").json()
                .get("id").asText();

        Http.Answer synced = m.http.post("/v1/cards/" + card + "/segments/" + id + "/sync", "{}");

        assertThat(synced.json().get("tagged").asInt()).isEqualTo(1);
        assertThat(h.engagementWechat.carriers(synced.json().get("segment").get("wechat_tag_id").asLong()))
                .containsExactly(new OpenId("o_gold"));
    }

    @Test
    void a_segment_that_cannot_be_a_tag_is_refused_naming_the_fields() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());

        Http.Answer refused = m.http.post("/v1/cards/" + card + "/segments", Http.json(Map.of("name",
                "一二三四五六七八九十一", "min_points", 10, "max_points", 5, "active_within_days", 0)));
        Http.Answer noStore = m.http.post("/v1/cards/" + card + "/segments", "{\"name\":\"x\",\"store\":\"nope\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("SEGMENT_INVALID");
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "max_points", "active_within_days");
        assertThat(fields(noStore)).containsExactly("store");
        assertThat(m.http.get("/v1/cards/" + card + "/segments").json().get("items")).isEmpty();
    }

    @Test
    void a_mass_send_is_refused_without_a_sync_or_a_preview_and_reaches_the_tag_after_both() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());
        m.received(card, "o_one");
        String segment = "/v1/cards/" + card + "/segments/" + m.http.post("/v1/cards/" + card + "/segments",
                "{\"name\":\"all\"}").json().get("id").asText();

        Http.Answer unsynced = m.http.post(segment + "/mass-sends", null);
        long tag = m.http.post(segment + "/sync", null).json().get("segment").get("wechat_tag_id").asLong();
        Http.Answer unpreviewed = m.http.post(segment + "/mass-sends", null);
        Http.Answer preview = m.http.post(segment + "/previews", "{\"openid\":\"o_tester\"}");
        h.clock.advance(java.time.Duration.ofSeconds(1)); // sends are listed by when they went
        Http.Answer sent = m.http.post(segment + "/mass-sends", "{}");

        assertThat(unsynced.status()).isEqualTo(409);
        assertThat(unsynced.json().get("code").asText()).isEqualTo("SEGMENT_NOT_SYNCED");
        assertThat(unpreviewed.status()).isEqualTo(409);
        assertThat(unpreviewed.json().get("code").asText()).isEqualTo("MASS_SEND_NOT_PREVIEWED");
        assertThat(preview.status()).as("%s", preview).isEqualTo(201);
        assertThat(preview.json().get("kind").asText()).isEqualTo("PREVIEW");
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        assertThat(sent.json().get("target").asText()).isEqualTo("tag:" + tag);
        assertThat(sent.json().get("msg_id").asLong()).isPositive();
        assertThat(h.engagementWechat.sent()).extracting(InMemoryEngagementWechat.Sent::to)
                .containsSubsequence("o_tester", "tag:" + tag);
        JsonNode sends = m.http.get("/v1/cards/" + card + "/card-messages").json().get("items");
        assertThat(sends).extracting(send -> send.get("kind").asText()).containsExactly("PREVIEW", "MASS");
    }

    @Test
    void a_fifth_mass_send_to_a_segment_in_a_month_is_refused_before_wechat_is_called() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());
        m.received(card, "o_capped");
        String segment = "/v1/cards/" + card + "/segments/" + m.http.post("/v1/cards/" + card + "/segments",
                "{\"name\":\"capped\"}").json().get("id").asText();
        m.http.post(segment + "/sync", null);
        m.http.post(segment + "/previews", "{\"openid\":\"o_tester\"}");
        for (int i = 0; i < 4; i++) {
            h.clock.advance(java.time.Duration.ofSeconds(1));
            assertThat(m.http.post(segment + "/mass-sends", null).status()).isEqualTo(201);
        }
        int sentBefore = h.engagementWechat.sent().size();

        Http.Answer fifth = m.http.post(segment + "/mass-sends", null);

        assertThat(fifth.status()).as("%s", fifth).isEqualTo(409);
        assertThat(fifth.json().get("code").asText()).isEqualTo("MASS_SEND_MONTHLY_CAP_REACHED");
        assertThat(fifth.json().get("detail").asText()).contains("4 mass sends this month");
        assertThat(h.engagementWechat.sent()).as("nothing sent to WeChat").hasSize(sentBefore);
    }

    @Test
    void a_card_message_to_one_member_needs_their_recent_message_and_every_send_is_kept_with_its_result() {
        Merchant m = h.newMerchant();
        String card = m.approved(Cards.minimal());
        String code = m.received(card, "o_writer");
        String path = "/v1/cards/" + card + "/memberships/" + code + "/card-messages";

        Http.Answer tooLate = m.http.post(path, null);
        h.engagementWechat.memberWrote(new OpenId("o_writer"));
        h.clock.advance(java.time.Duration.ofSeconds(1)); // sends are listed by when they went
        Http.Answer sent = m.http.post(path, null);

        assertThat(tooLate.status()).isEqualTo(502);
        assertThat(tooLate.json().get("wechat_errcode").asText()).isEqualTo("45015");
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        JsonNode sends = m.http.get("/v1/cards/" + card + "/card-messages").json().get("items");
        assertThat(sends).hasSize(2);
        assertThat(sends.get(0).get("delivered").asBoolean()).isFalse();
        assertThat(sends.get(0).get("failure").asText()).startsWith("45015");
        assertThat(sends.get(1).get("delivered").asBoolean()).isTrue();
        assertThat(sends.get(1).get("target").asText()).isEqualTo("o_writer");
        assertThat(m.http.post("/v1/cards/" + card + "/memberships/nope/card-messages", null).status())
                .isEqualTo(404);
    }
}
