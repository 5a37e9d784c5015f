package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ledger batches over real HTTP, against the real batch service on the in-memory stores and WeChat: both formats are
 * applied line by line, each line once however often it is sent, bad lines are reported with the field that is wrong,
 * and an upload that is not a batch at all is refused before anything is applied.
 */
class LedgerBatchRoutesTest {

    private static final String NDJSON = "application/x-ndjson";

    private static ApiHarness h;

    @BeforeAll
    static void start() {
        h = new ApiHarness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static Http.Answer upload(Merchant m, String card, String body, String contentType) {
        return m.http.send("POST", "/v1/cards/" + card + "/ledger-batches", body.getBytes(StandardCharsets.UTF_8),
                contentType, Map.of());
    }

    private static long points(Merchant m, String card, String code) {
        return m.http.get("/v1/cards/" + card + "/memberships/" + code).json().get("points").asLong();
    }

    @Test
    void a_csv_batch_is_applied_answered_201_and_applies_nothing_when_sent_again() {
        Merchant m = h.newMerchant();
        String[] member = m.member(Cards.minimal());
        String card = member[0];
        String code = member[1];
        String csv = "\uFEFFcode,points,balance_target,reason,idempotency_key\r\n"
                + code + ",120,,\"nightly, sync\",erp-1\r\n"
                + code + ",,5000,top-up,erp-2\r\n";

        Http.Answer first = upload(m, card, csv, "text/csv; charset=utf-8");
        Http.Answer again = upload(m, card, csv, "text/csv");

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        JsonNode batch = first.json();
        assertThat(first.header("Location")).isEqualTo("/v1/ledger-batches/" + batch.get("id").asText());
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("lines").asLong()).isEqualTo(2);
        assertThat(batch.get("applied").asLong()).isEqualTo(2);
        assertThat(again.json().get("replayed").asLong()).isEqualTo(2);
        assertThat(again.json().get("applied").asLong()).isZero();
        JsonNode membership = m.http.get("/v1/cards/" + card + "/memberships/" + code).json();
        assertThat(membership.get("points").asLong()).isEqualTo(120);
        assertThat(membership.get("balance").asLong()).isEqualTo(5000);
        JsonNode listed = m.http.get("/v1/cards/" + card + "/ledger-batches").json();
        assertThat(listed.get("total").asLong()).isEqualTo(2);
        assertThat(listed.at("/items/0/id").asText()).isEqualTo(again.json().get("id").asText());
        assertThat(m.http.get("/v1/ledger-batches/" + batch.get("id").asText()).json().get("applied").asLong())
                .isEqualTo(2);
    }

    @Test
    void bad_lines_fail_alone_each_naming_its_field_and_are_listed_with_their_reasons() {
        Merchant m = h.newMerchant();
        String[] member = m.member(Cards.minimal());
        String card = member[0];
        String code = member[1];
        String ndjson = "{\"code\":\"" + code + "\",\"points\":10,\"reason\":\"ok\",\"idempotency_key\":\"k1\"}\n"
                + "{\"code\":\"" + code + "\",\"reason\":\"nothing\",\"idempotency_key\":\"k2\"}\n"
                + "{\"code\":\"" + code + "\",\"balance_target\":-5,\"reason\":\"below zero\",\"idempotency_key\":\"k3\"}\n"
                + "{\"phone\":\"not a phone 138\",\"points\":1,\"reason\":\"x\",\"idempotency_key\":\"k4\"}\n"
                + "{\"code\":\"" + code + "\",\"points\":\"ten\",\"reason\":\"x\",\"idempotency_key\":\"k5\"}\n"
                + "[1, 2]\n"
                + "{\"code\":\"" + code + "\",\"balance\":-1,\"reason\":\"more than held\",\"idempotency_key\":\"k6\"}\n";

        Http.Answer answer = upload(m, card, ndjson, NDJSON);

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().get("applied").asLong()).isEqualTo(1);
        assertThat(answer.json().get("failed").asLong()).isEqualTo(6);
        assertThat(points(m, card, code)).isEqualTo(10);
        JsonNode failures = m.http.get("/v1/ledger-batches/" + answer.json().get("id").asText() + "/failures").json();
        assertThat(failures.findValuesAsText("reason")).satisfiesExactly(
                reason -> assertThat(reason).startsWith("points: ").contains("neither"),
                reason -> assertThat(reason).startsWith("balance_target: "),
                reason -> assertThat(reason).isEqualTo("phone: is not a phone number"),
                reason -> assertThat(reason).startsWith("points: "),
                reason -> assertThat(reason).startsWith("line: must be a JSON object"),
                reason -> assertThat(reason).startsWith("balance: ").contains("negative"));
        assertThat(failures.findValues("line")).extracting(JsonNode::asLong).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void an_upload_that_is_not_a_batch_is_refused_and_applies_nothing() {
        Merchant m = h.newMerchant();
        String[] member = m.member(Cards.minimal());
        String card = member[0];

        Http.Answer unknownColumn = upload(m, card, "code,points,reason,idempotency_key,colour\n"
                + member[1] + ",5,x,k1,red\n", "text/csv");
        Http.Answer noKey = upload(m, card, "code,points,reason\n" + member[1] + ",5,x\n", "text/csv");
        Http.Answer notNdjson = upload(m, card, "points for everyone\n", NDJSON);
        Http.Answer unknownCard = upload(m, "card_none", "code,points,reason,idempotency_key\nc,1,x,k\n", "text/csv");

        assertThat(unknownColumn.status()).as("%s", unknownColumn).isEqualTo(400);
        assertThat(unknownColumn.json().at("/errors/0/field").asText()).isEqualTo("header");
        assertThat(unknownColumn.json().get("detail").asText()).contains("colour");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("detail").asText()).contains("idempotency_key");
        assertThat(notNdjson.status()).isEqualTo(400);
        assertThat(unknownCard.status()).isEqualTo(404);
        assertThat(points(m, card, member[1])).isZero();
        assertThat(m.http.get("/v1/cards/" + card + "/ledger-batches").json().get("total").asLong()).isZero();
    }

    @Test
    void another_tenant_sees_neither_the_batch_nor_the_card_s_list() {
        Merchant m = h.newMerchant();
        String[] member = m.member(Cards.minimal());
        String id = upload(m, member[0], "code,points,reason,idempotency_key\n" + member[1] + ",5,x,k1\n", "text/csv")
                .json().get("id").asText();
        Merchant other = h.newMerchant();

        assertThat(other.http.get("/v1/ledger-batches/" + id).status()).isEqualTo(404);
        assertThat(other.http.get("/v1/ledger-batches/" + id + "/failures").status()).isEqualTo(404);
        assertThat(other.http.get("/v1/cards/" + member[0] + "/ledger-batches").status()).isEqualTo(404);
    }
}
