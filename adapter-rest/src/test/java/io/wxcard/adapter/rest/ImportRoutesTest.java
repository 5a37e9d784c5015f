package io.wxcard.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.in.ImportMembersUseCase;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.imports.ImportJobId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.tenant.TenantId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Member imports over real HTTP, against the real import service on the in-memory stores and WeChat: uploads in both
 * formats become memberships once the runner has sent them, every bad line is recorded with its reason and listed
 * (as JSON pages and as one streamed CSV), and what is not an import at all is refused before anything is staged.
 */
class ImportRoutesTest {

    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";
    private static final long MAX_IMPORT_BYTES = 1024 * 1024;
    /** How many imports the use case was asked to start: a refusal before staging leaves it unchanged. */
    private static final AtomicInteger STARTS = new AtomicInteger();

    private static ApiHarness h;

    @BeforeAll
    static void start() {
        h = new ApiHarness(null, useCases -> withImports(useCases, counting(useCases.importMembers())),
                ApiHarness.TUNING, () -> true,
                new RestSettings("127.0.0.1", 0, RestSettings.DEFAULT_MAX_BODY_BYTES, MAX_IMPORT_BYTES));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    // ---- happy paths --------------------------------------------------------------------------------------------

    @Test
    void a_csv_upload_is_staged_answered_202_and_its_rows_become_memberships() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        String csv = "\uFEFFopenid,code,phone,membership_number,points,balance\r\n"
                + "o_alice,c_alice,+86 138 0013 8000,\"Gold, \"\"A\"\"\",300,12345\r\n"
                + "o_bob,,,,,\r\n";

        Http.Answer answer = upload(m, card, csv, "text/csv; charset=utf-8");

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        JsonNode started = answer.json();
        String id = started.get("id").asText();
        assertThat(answer.header("Location")).isEqualTo("/v1/imports/" + id);
        assertThat(started.get("card_id").asText()).isEqualTo(card);
        assertThat(started.get("status").asText()).isEqualTo("RUNNING");
        assertThat(started.get("lines_read").asLong()).isEqualTo(2);
        assertThat(started.get("duplicates_in_file").asLong()).isZero();
        assertThat(started.get("counts").toString())
                .isEqualTo("{\"staged\":2,\"pending\":2,\"imported\":0,\"skipped\":0,\"failed\":0,\"retrying\":0}");
        assertThat(started.has("created_at")).isTrue();
        assertThat(started.has("finished_at")).isFalse();
        assertThat(started.has("eta_seconds")).isFalse();

        JsonNode done = runToEnd(m, id);

        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.at("/counts/imported").asLong()).isEqualTo(2);
        assertThat(done.at("/counts/pending").asLong()).isZero();
        assertThat(done.has("finished_at")).isTrue();
        assertThat(done.has("started_at")).isTrue();
        assertThat(done.has("eta_seconds")).isFalse();
        assertThat(done.get("rate_per_second").isNumber()).isTrue();
        JsonNode alice = m.http.get("/v1/cards/" + card + "/memberships/c_alice").json();
        assertThat(alice.get("openid").asText()).isEqualTo("o_alice");
        assertThat(alice.get("state").asText()).isEqualTo("ACTIVATED");
        assertThat(alice.get("points").asLong()).isEqualTo(300);
        assertThat(alice.get("balance").asLong()).isEqualTo(12345);
        assertThat(alice.get("membership_number").asText()).isEqualTo("Gold, \"A\"");
        JsonNode members = m.http.get("/v1/cards/" + card + "/memberships").json();
        assertThat(members.get("total").asLong()).isEqualTo(2);
        assertThat(members.findValuesAsText("openid")).containsExactlyInAnyOrder("o_alice", "o_bob");
    }

    @Test
    void an_ndjson_upload_is_staged_and_its_lines_become_memberships_blank_lines_ignored() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        String ndjson = "{\"openid\":\"o_carol\",\"code\":\"c_carol\",\"points\":50,\"balance\":0}\r\n"
                + "\n   \n"
                + "{\"openid\":\"o_dave\",\"membership_number\":\"M-7\",\"phone\":\"13800138000\"}";

        Http.Answer answer = upload(m, card, ndjson, NDJSON);

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        assertThat(answer.json().get("lines_read").asLong()).isEqualTo(2);
        JsonNode done = runToEnd(m, answer.json().get("id").asText());
        assertThat(done.at("/counts/imported").asLong()).isEqualTo(2);
        JsonNode carol = m.http.get("/v1/cards/" + card + "/memberships/c_carol").json();
        assertThat(carol.get("points").asLong()).isEqualTo(50);
        assertThat(m.http.get("/v1/cards/" + card + "/memberships").json().findValuesAsText("membership_number"))
                .contains("M-7");
    }

    @Test
    void an_openid_named_twice_in_the_file_is_a_duplicate_staged_once() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());

        Http.Answer answer = upload(m, card, "openid\no_1\no_2\no_1\no_3\no_2\n", CSV);

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        assertThat(answer.json().get("lines_read").asLong()).isEqualTo(5);
        assertThat(answer.json().get("duplicates_in_file").asLong()).isEqualTo(2);
        assertThat(answer.json().at("/counts/staged").asLong()).isEqualTo(3);
        assertThat(runToEnd(m, answer.json().get("id").asText()).at("/counts/imported").asLong()).isEqualTo(3);
        assertThat(m.http.get("/v1/cards/" + card + "/memberships").json().get("total").asLong()).isEqualTo(3);
    }

    // ---- bad lines ----------------------------------------------------------------------------------------------

    @Test
    void every_bad_csv_row_is_recorded_with_its_reason_and_the_others_are_imported() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        String csv = "openid,points,balance,membership_number\n" // line 1
                + "o_good,1,2,\n"                                 // 2
                + "o bad!,,,\n"                                   // 3
                + "o_points,many,,\n"                             // 4
                + "o_negative,,-5,\n"                             // 5
                + ",3,,\n"                                        // 6
                + "o_extra,1,2,N,surplus\n"                       // 7
                + "o_multi,,,\"two\nlines\"\n"                    // 8-9
                + "o_big,2147483648,,\n"                          // 10
                + "o_after,,,\n";                                 // 11

        Http.Answer answer = upload(m, card, csv, CSV);

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        String id = answer.json().get("id").asText();
        assertThat(answer.json().get("lines_read").asLong()).as("rows, not physical lines").isEqualTo(9);
        assertThat(answer.json().at("/counts/failed").asLong()).isEqualTo(7);
        JsonNode failures = m.http.get("/v1/imports/" + id + "/failures").json();
        assertThat(failures.get("total").asLong()).isEqualTo(7);
        assertThat(lines(failures)).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 10L);
        assertThat(reason(failures, 3)).contains("openid may hold only letters");
        assertThat(reason(failures, 4)).contains("points must be a whole number, got 'many'");
        assertThat(reason(failures, 5)).contains("balance must be between 0 and 2147483647", "-5");
        assertThat(reason(failures, 6)).contains("openid is required");
        assertThat(reason(failures, 7)).contains("has 5 values but the header names 4 columns");
        assertThat(reason(failures, 8)).contains("membership_number holds a control character");
        assertThat(reason(failures, 10)).contains("points must be between 0 and 2147483647");
        assertThat(failures.get("items").get(0).has("openid")).isFalse();

        JsonNode done = runToEnd(m, id);
        assertThat(done.at("/counts/imported").asLong()).isEqualTo(2);
        assertThat(done.at("/counts/failed").asLong()).isEqualTo(7);
    }

    @Test
    void a_phone_longer_than_the_domain_allows_fails_its_line_naming_phone_in_csv_and_ndjson_and_imports_nothing_of_it() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        String tooLong = "1".repeat(33);
        String longest = "1".repeat(32);

        Http.Answer csv = upload(m, card, "openid,phone\no_csv_long," + tooLong + "\no_csv_ok," + longest + "\n", CSV);
        Http.Answer ndjson = upload(m, card, "{\"openid\":\"o_nd_long\",\"phone\":\"" + tooLong + "\"}\n"
                + "{\"openid\":\"o_nd_ok\",\"phone\":\"" + longest + "\"}\n", NDJSON);

        for (Http.Answer answer : List.of(csv, ndjson)) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(202);
            String id = answer.json().get("id").asText();
            assertThat(runToEnd(m, id).at("/counts/imported").asLong()).isEqualTo(1);
            JsonNode failures = m.http.get("/v1/imports/" + id + "/failures").json();
            assertThat(lines(failures)).containsExactly(answer == csv ? 2L : 1L);
            assertThat(reason(failures, answer == csv ? 2 : 1)).contains("phone", "32");
        }
        JsonNode members = m.http.get("/v1/cards/" + card + "/memberships").json();
        assertThat(members.findValuesAsText("openid")).containsExactlyInAnyOrder("o_csv_ok", "o_nd_ok");
    }

    @Test
    void every_bad_ndjson_line_is_recorded_with_its_reason() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "{\"openid\":\"o_first\"}\n");                        // 1
        write(body, "{\"openid\":\"o_x\",\"open_id\":\"typo\"}\n");       // 2
        write(body, "{\"openid\":\"o_y\",\"points\":\"12\"}\n");          // 3
        write(body, "openid,o_z\n");                                     // 4
        write(body, "[{\"openid\":\"o_w\"}]\n");                          // 5
        write(body, "{\"openid\":\"o_v\"} {}\n");                         // 6
        write(body, "{\"openid\":\"o_\u00e9\"}\n");                       // 7
        body.writeBytes(new byte[] {'{', '"', 'o', 'p', 'e', 'n', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'}); // 8
        write(body, "{\"openid\":\"o_long\",\"phone\":\"" + "1".repeat(70_000) + "\"}\n"); // 9
        write(body, "{\"code\":\"c_only\"}\n");                           // 10
        write(body, "{\"openid\":\"o_last\",\"points\":7}\n");            // 11

        Http.Answer answer = m.http.send("POST", "/v1/cards/" + card + "/imports", body.toByteArray(), NDJSON, Map.of());

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        String id = answer.json().get("id").asText();
        JsonNode failures = m.http.get("/v1/imports/" + id + "/failures?limit=200").json();
        assertThat(lines(failures)).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(reason(failures, 2)).contains("open_id is not a known field", "membership_number");
        assertThat(reason(failures, 3)).contains("points must be an integer", "got a string");
        assertThat(reason(failures, 4)).contains("is not valid JSON");
        assertThat(reason(failures, 5)).contains("must be a JSON object, got an array");
        assertThat(reason(failures, 6)).contains("is not valid JSON");
        assertThat(reason(failures, 7)).contains("openid may hold only");
        assertThat(reason(failures, 8)).contains("is not valid JSON");
        assertThat(reason(failures, 9)).contains("longer than 65536 bytes");
        assertThat(reason(failures, 10)).contains("openid is required");
        assertThat(runToEnd(m, id).at("/counts/imported").asLong()).isEqualTo(2);
    }

    @Test
    void failures_are_listed_in_pages_and_exported_whole_as_csv() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        StringBuilder csv = new StringBuilder("openid,code\n");
        for (int i = 0; i < 1200; i++) {
            csv.append(i % 2 == 0 ? "o_ok_" + i : "bad openid " + i).append(i == 1 ? ",\"c,\"\"x\"\"\"" : ",").append('\n');
        }
        String id = upload(m, card, csv.toString(), CSV).json().get("id").asText();

        JsonNode second = m.http.get("/v1/imports/" + id + "/failures?offset=2&limit=3").json();
        Http.Answer export = m.http.send("GET", "/v1/imports/" + id + "/failures", null, null, Map.of("Accept", "text/csv"));
        Http.Answer byQuery = m.http.get("/v1/imports/" + id + "/failures?format=csv");
        Http.Answer json = m.http.get("/v1/imports/" + id + "/failures?format=json&limit=1");

        assertThat(second.get("total").asLong()).isEqualTo(600);
        assertThat(second.get("offset").asInt()).isEqualTo(2);
        assertThat(lines(second)).containsExactly(7L, 9L, 11L);
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.header("Content-Disposition")).contains(id + "-failures.csv");
        assertThat(export.header("Content-Length")).as("streamed, not built whole").isNull();
        List<String> rows = export.body().lines().toList();
        assertThat(rows).as("every failure, over three full pages and an empty one").hasSize(1 + 600);
        assertThat(rows.get(0)).isEqualTo("line,openid,reason");
        assertThat(rows.get(1)).startsWith("3,,").contains("openid may hold only");
        assertThat(rows.get(600)).startsWith("1201,,");
        assertThat(byQuery.body()).isEqualTo(export.body());
        assertThat(json.json().get("items").size()).isEqualTo(1);
        assertThat(m.http.send("GET", "/v1/imports/" + id + "/failures?limit=1", null, null,
                Map.of("Accept", "application/json, text/csv;q=0.5")).json().get("items").size()).isEqualTo(1);
        assertThat(m.http.send("GET", "/v1/imports/" + id + "/failures?format=json&limit=1", null, null,
                Map.of("Accept", "text/csv")).header("Content-Type")).startsWith("application/json");
        assertThat(m.http.get("/v1/imports/" + id + "/failures?format=csv&offset=0").status()).isEqualTo(400);
        assertThat(m.http.get("/v1/imports/" + id + "/failures?format=xml").status()).isEqualTo(400);
        assertThat(m.http.get("/v1/imports/" + id + "/failures?limit=201").status()).isEqualTo(400);
    }

    @Test
    void the_csv_export_quotes_what_needs_quoting() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        String id = upload(m, card, "openid,points\no_a,\"x\"\"y\"\n", CSV).json().get("id").asText();

        String export = m.http.get("/v1/imports/" + id + "/failures?format=csv").body();

        assertThat(export).isEqualTo("line,openid,reason\n2,,\"line 2: points must be a whole number, got 'x\"\"y'\"\n");
    }

    @Test
    void an_unclosed_quote_fails_its_row_and_ends_the_upload_keeping_the_rows_before() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());

        Http.Answer answer = upload(m, card, "openid,membership_number\no_1,ok\no_2,\"never closed\no_3,x\no_4,y\n", CSV);

        assertThat(answer.status()).as("%s", answer).isEqualTo(202);
        JsonNode failures = m.http.get("/v1/imports/" + answer.json().get("id").asText() + "/failures").json();
        assertThat(lines(failures)).containsExactly(3L);
        assertThat(reason(failures, 3)).contains("never closed", "the rest of the upload was not read");
        assertThat(answer.json().at("/counts/pending").asLong()).isEqualTo(1);
    }

    // ---- refused before staging ---------------------------------------------------------------------------------

    @Test
    void an_upload_that_is_not_an_import_is_a_400_before_anything_is_staged() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        int starts = STARTS.get();

        Http.Answer unknown = upload(m, card, "openid,open_id,Points\no_1,x,1\n", CSV);
        Http.Answer noOpenid = upload(m, card, "code,phone\nc1,138\n", CSV);
        Http.Answer twice = upload(m, card, "openid,code,openid\no_1,c,o_1\n", CSV);
        Http.Answer unnamed = upload(m, card, "openid,\no_1,\n", CSV);
        Http.Answer headerless = upload(m, card, "o_1,c_1\no_2,c_2\n", CSV);
        Http.Answer semicolons = upload(m, card, "openid;code\no_1;c_1\n", CSV);
        Http.Answer empty = upload(m, card, "", CSV);
        Http.Answer headerOnly = upload(m, card, "openid,code\n", CSV);
        Http.Answer unclosedHeader = upload(m, card, "openid,\"code\n", CSV);
        Http.Answer jsonArray = upload(m, card, "[\n{\"openid\":\"o_1\"}\n]\n", NDJSON);
        Http.Answer csvAsNdjson = upload(m, card, "openid\no_1\n", NDJSON);
        Http.Answer blankNdjson = upload(m, card, "\n\n  \n", NDJSON);

        assertThat(unknown.status()).as("%s", unknown).isEqualTo(400);
        assertThat(unknown.problemType()).isEqualTo("invalid-request");
        assertThat(unknown.json().get("detail").asText()).contains("'open_id'", "openid, code, phone");
        assertThat(unknown.json().get("errors").findValuesAsText("field")).containsOnly("header");
        assertThat(unknown.json().get("errors").findValuesAsText("message")).hasSize(2)
                .anySatisfy(message -> assertThat(message).contains("'Points'"));
        assertThat(noOpenid.json().get("detail").asText()).contains("no openid column");
        assertThat(twice.json().get("detail").asText()).contains("named twice");
        assertThat(unnamed.json().get("detail").asText()).contains("has no name");
        assertThat(headerless.json().get("detail").asText()).contains("'o_1'");
        assertThat(semicolons.json().get("detail").asText()).contains("separated by commas");
        assertThat(empty.json().get("detail").asText()).contains("header row");
        assertThat(headerOnly.json().get("detail").asText()).contains("holds no member");
        assertThat(jsonArray.json().get("detail").asText()).contains("not NDJSON", "line 1");
        assertThat(csvAsNdjson.json().get("detail").asText()).contains("not NDJSON");
        assertThat(blankNdjson.json().get("detail").asText()).contains("holds no member");
        for (Http.Answer answer : List.of(unknown, noOpenid, twice, unnamed, headerless, semicolons, empty, headerOnly,
                unclosedHeader, jsonArray, csvAsNdjson, blankNdjson)) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(STARTS.get()).as("the use case was never asked to stage").isEqualTo(starts);
    }

    @Test
    void a_body_of_another_media_type_or_charset_is_a_415() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        int starts = STARTS.get();

        for (String type : new String[] {"application/json", "text/plain", "application/octet-stream",
                "text/csv; charset=iso-8859-1", "application/x-ndjson; charset=utf-16", null}) {
            Http.Answer answer = upload(m, card, "openid\no_1\n", type);
            assertThat(answer.status()).as("%s: %s", type, answer).isEqualTo(415);
            assertThat(answer.problemType()).isEqualTo("unsupported-media-type");
        }
        assertThat(STARTS.get()).isEqualTo(starts);
    }

    @Test
    void an_upload_over_the_import_limit_is_a_413_whether_declared_or_streamed() {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        byte[] big = ("openid\n" + "o_member\n".repeat((int) (MAX_IMPORT_BYTES / 9) + 10)).getBytes(StandardCharsets.UTF_8);
        int starts = STARTS.get();

        Http.Answer declared = m.http.send("POST", "/v1/cards/" + card + "/imports", big, CSV, Map.of());
        int startsAfterDeclared = STARTS.get();
        Http.Answer streamed = m.http.stream("/v1/cards/" + card + "/imports", () -> new ByteArrayInputStream(big), CSV,
                Duration.ofSeconds(20));

        assertThat(declared.status()).as("%s", declared).isEqualTo(413);
        assertThat(declared.problemType()).isEqualTo("body-too-large");
        assertThat(startsAfterDeclared).as("a declared length over the limit is refused before staging").isEqualTo(starts);
        assertThat(streamed.status()).as("%s", streamed).isEqualTo(413);
        assertThat(streamed.problemType()).isEqualTo("body-too-large");
    }

    @Test
    void an_upload_that_breaks_off_is_a_400_and_is_never_sent() throws IOException {
        Merchant m = h.newMerchant().withPayCredentials();
        String card = m.approved(Cards.merchantPage());
        String head = "POST /v1/cards/" + card + "/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + m.key
                + "\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\nopenid\no_1\no_2\no_3";

        String response;
        try (Socket socket = new Socket("127.0.0.1", h.api.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 400").contains("invalid-request", "send it again");
        for (int i = 0; i < 5; i++) {
            h.app.runImports().runOneJob();
        }
        assertThat(m.http.get("/v1/cards/" + card + "/memberships").json().get("total").asLong()).isZero();
    }

    // ---- refused by state -----------------------------------------------------------------------------------------

    @Test
    void a_card_wechat_has_not_approved_or_a_tenant_without_merchant_credentials_is_a_409() {
        Merchant m = h.newMerchant().withPayCredentials();
        String draft = m.draft(Cards.merchantPage());
        String underReview = m.submitted(Cards.merchantPage());
        Merchant unpaid = h.newMerchant();
        String approved = unpaid.approved(Cards.merchantPage());

        Http.Answer onDraft = upload(m, draft, "openid\no_1\n", CSV);
        Http.Answer onReview = upload(m, underReview, "openid\no_1\n", CSV);
        Http.Answer noMerchant = upload(unpaid, approved, "openid\no_1\n", CSV);

        assertThat(onDraft.status()).as("%s", onDraft).isEqualTo(409);
        assertThat(onDraft.json().get("code").asText()).isEqualTo("CARD_NOT_ON_WECHAT");
        assertThat(onReview.status()).as("%s", onReview).isEqualTo(409);
        assertThat(onReview.problemType()).isEqualTo("card-not-distributable");
        assertThat(onReview.json().get("detail").asText()).contains("under review");
        assertThat(noMerchant.status()).as("%s", noMerchant).isEqualTo(409);
        assertThat(noMerchant.problemType()).isEqualTo("merchant-credentials-missing");
    }

    @Test
    void unknown_imports_and_cards_and_another_tenants_are_404() {
        Merchant owner = h.newMerchant().withPayCredentials();
        Merchant intruder = h.newMerchant().withPayCredentials();
        String card = owner.approved(Cards.merchantPage());
        String id = upload(owner, card, "openid\no_1\n", CSV).json().get("id").asText();
        int starts = STARTS.get();

        List<Http.Answer> answers = new ArrayList<>();
        answers.add(intruder.http.get("/v1/imports/" + id));
        answers.add(intruder.http.get("/v1/imports/" + id + "/failures"));
        answers.add(intruder.http.get("/v1/imports/" + id + "/failures?format=csv"));
        answers.add(upload(intruder, card, "openid\no_2\n", CSV));
        answers.add(owner.http.get("/v1/imports/imp_does_not_exist"));
        answers.add(owner.http.get("/v1/imports/imp_does_not_exist/failures?format=csv"));
        answers.add(owner.http.get("/v1/imports/not%20an%20id"));
        answers.add(owner.http.get("/v1/imports/" + "x".repeat(129)));
        answers.add(upload(owner, "card_does_not_exist", "openid\no_2\n", CSV));
        answers.add(upload(owner, "card_does_not_exist", "not even, a header\n", "application/json"));

        for (Http.Answer answer : answers) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(404);
            assertThat(answer.problemType()).isEqualTo("not-found");
        }
        assertThat(STARTS.get()).isEqualTo(starts);
        assertThat(owner.http.get("/v1/imports/" + id).status()).isEqualTo(200);
        assertThat(owner.http.get("/v1/cards/" + card + "/memberships").json().get("total").asLong()).isZero();
    }

    @Test
    void the_openapi_document_describes_the_import_routes() {
        JsonNode document = h.anonymous.get("/openapi.json").json();

        JsonNode post = document.at("/paths/~1v1~1cards~1{id}~1imports/post");
        assertThat(post.at("/requestBody/content").has("text/csv")).isTrue();
        assertThat(post.at("/requestBody/content").has("application/x-ndjson")).isTrue();
        assertThat(post.at("/requestBody/content/text~1csv/schema/x-line-schema/$ref").asText())
                .isEqualTo("#/components/schemas/ImportLineJson");
        assertThat(post.at("/responses").has("202")).isTrue();
        assertThat(post.at("/responses").has("409")).isTrue();
        assertThat(document.at("/components/schemas/ImportLineJson/required").toString()).contains("openid");
        assertThat(document.at("/components/schemas/ImportResource/properties/rate_per_second/type").asText())
                .isEqualTo("number");
        JsonNode failures = document.at("/paths/~1v1~1imports~1{id}~1failures/get/responses/200/content");
        assertThat(failures.has("application/json")).isTrue();
        assertThat(failures.has("text/csv")).isTrue();
        assertThat(document.at("/paths/~1v1~1imports~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/ImportResource");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Http.Answer upload(Merchant m, String card, String body, String contentType) {
        return m.http.send("POST", "/v1/cards/" + card + "/imports", body.getBytes(StandardCharsets.UTF_8),
                contentType, Map.of());
    }

    /** Runs the import runner (the clock moved on between rounds) until the import is completed; answers it. */
    static JsonNode runToEnd(Merchant m, String id) {
        JsonNode job = m.http.get("/v1/imports/" + id).json();
        for (int i = 0; i < 50 && !job.get("status").asText().equals("COMPLETED"); i++) {
            m.h.app.runImports().runOneJob();
            m.h.clock.advance(Duration.ofMinutes(5));
            job = m.http.get("/v1/imports/" + id).json();
        }
        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("COMPLETED");
        return job;
    }

    private static List<Long> lines(JsonNode page) {
        List<Long> lines = new ArrayList<>();
        page.get("items").forEach(item -> lines.add(item.get("line").asLong()));
        return lines;
    }

    private static String reason(JsonNode page, long line) {
        for (JsonNode item : page.get("items")) {
            if (item.get("line").asLong() == line) {
                return item.get("reason").asText();
            }
        }
        throw new AssertionError("no failure on line " + line + " in " + page);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static RestUseCases withImports(RestUseCases u, ImportMembersUseCase imports) {
        return new RestUseCases(u.draftCard(), u.editCard(), u.submitCard(), u.setTestWhitelist(),
                u.configureActivationForm(), u.distributeCard(), u.deleteCard(), u.findCards(), u.activateMembership(),
                u.changeLedger(), u.invalidateMembership(), u.pullMemberInfo(), u.findMemberships(), imports,
                u.acceptWechatPush(), u.authenticateApiKey(), u.uploadCardImage(), u.findMembers(), u.changeFeed(),
                u.manageWebhooks(), u.activationPages(), u.wechatPay(), u.applyLedgerBatch(),
                u.cardStatistics());
    }

    private static ImportMembersUseCase counting(ImportMembersUseCase real) {
        return new ImportMembersUseCase() {
            @Override
            public Either<Failure, ImportProgress> start(StartImportCommand command) {
                STARTS.incrementAndGet();
                return real.start(command);
            }

            @Override
            public Either<Failure, ImportProgress> progress(TenantId tenantId, ImportJobId importId) {
                return real.progress(tenantId, importId);
            }

            @Override
            public java.util.List<ImportProgress> recent(TenantId tenantId, int limit) {
                return real.recent(tenantId, limit);
            }

            @Override
            public Either<Failure, Page<ImportRow>> failures(TenantId tenantId, ImportJobId importId, PageRequest page) {
                return real.failures(tenantId, importId, page);
            }
        };
    }
}
