package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "resumable": an import survives a kill -9 of the real process. The packaged jar runs on its embedded
 * defaults (an H2 file database and the built-in sandbox in a temporary data folder, the demo tenant), slowed to
 * {@value #RATE} imports a second. A card is approved, one member receives it by scanning a QR code, and a CSV of
 * {@value #LINES} lines is uploaded: valid members, duplicates within the file, the member who already holds the card,
 * lines that cannot be read, openids bound to another account (WeChat Pay answers 403 NO_AUTH) and a code another
 * member holds (400 INVALID_REQUEST). Once a few hundred rows are settled the process is killed (SIGKILL), started
 * again on the same folder and ports, and the job resumes once its lease ran out. What must hold at the end: every
 * distinct valid openid is exactly one membership, here and on WeChat with the same code; the counts add up to the
 * lines; each failure is listed with its reason; and no member was imported twice on WeChat: rows WeChat had carried
 * out but whose answer died with the process are sent again under the same out_request_no and answered with the same
 * code, without a new import.
 *
 * <p>The sandbox is embedded, so the kill takes "WeChat" down too, and the sandbox saves its state file at most every
 * 500 ms: a kill at a random instant could make it forget imports the product had already recorded, which the real
 * WeChat never does. So, just before the kill, the sandbox is made to carry out each import but hold its answer
 * (fault {@code slow} with {@code after_apply}): the process dies with imports done on WeChat's side and unanswered,
 * the worst moment for a duplicate, and with WeChat's state saved.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ImportResumeIT {

    private static final String API_KEY = "e2e-import-resume-key-0123456789";
    private static final int LINES = 3_000;
    private static final int RATE = 40;
    private static final int KILL_AFTER_SETTLED = 300;
    private static final String IMPORT_PATH = "/v3/marketing/membercard-open/cards/";
    private static final String IMPORT_SUFFIX = "/users/import";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OTHER_APP = "wxe2eresumeother01";
    private static final String OTHER_SECRET = "other-app-secret-0123456789";

    /** WeChat's own card/create body: activated on the merchant's page, with points and stored value. */
    private static final String CARD = """
            {"card": {"card_type": "MEMBER_CARD", "member_card": {
              "base_info": {
                "logo_url": "https://mmbiz.qpic.cn/e2e/logo.png", "brand_name": "%s",
                "code_type": "CODE_TYPE_QRCODE", "title": "%s", "color": "Color010",
                "notice": "Show at the till", "description": "Earn a point for every yuan.",
                "date_info": {"type": "DATE_TYPE_PERMANENT"}, "sku": {"quantity": 1000}, "get_limit": 1,
                "use_all_locations": true},
              "prerogative": "10%% off every drink",
              "activate_url": "https://shop.example.com/activate",
              "supply_bonus": true, "supply_balance": true}}}
            """;

    @TempDir
    Path dataDir;

    private final List<Named> processes = new ArrayList<>();

    private record Named(String name, ServiceProcess process) {}

    @Test
    void an_import_killed_mid_way_resumes_where_it_stood_without_losing_or_doubling_a_row() throws Exception {
        try {
            importKillResume();
        } catch (Throwable failure) {
            for (Named named : processes) {
                System.out.println("=============== output of " + named.name() + " ===============\n"
                        + named.process().output());
            }
            throw failure;
        } finally {
            processes.forEach(named -> named.process().close());
        }
    }

    private void importKillResume() throws Exception {
        long started = System.nanoTime();
        int httpPort = ServiceProcess.freePort();
        int sandboxPort = ServiceProcess.freePort();
        Api api = new Api("http://127.0.0.1:" + httpPort, API_KEY);
        Api sandbox = new Api("http://127.0.0.1:" + sandboxPort, null);
        Map<String, String> environment = Map.of("CARD_DATA_DIR", dataDir.toString(),
                "CARD_HTTP_HOST", "127.0.0.1", "CARD_HTTP_PORT", Integer.toString(httpPort),
                "CARD_SANDBOX_PORT", Integer.toString(sandboxPort), "CARD_DEMO_API_KEY", API_KEY,
                "CARD_IMPORT_RATE", Integer.toString(RATE));

        ServiceProcess first = track("the service (first run)", ServiceProcess.start(ServiceProcess.SERVICE_JAR, environment));
        first.awaitHealthy(api.base + "/health/ready", Duration.ofSeconds(60));
        first.awaitOutput("wxcard is ready", Duration.ofSeconds(10));
        phase(started, "service ready (pid " + first.pid() + ")");

        // The card, approved by the sandbox's reviewer 2 s after the submit (card_pass_check pushed to the service).
        String cardId = api.post("/v1/cards", CARD.formatted("Tea House", "Resume"), "application/json")
                .expect(201).get("id").asText();
        String wechatCardId = whileUnavailable(() -> api.post("/v1/cards/" + cardId + "/submit", "{}", "application/json"))
                .expect(200).get("wechat_card_id").asText();
        await("the card approved", Duration.ofSeconds(30), () -> api.get("/v1/cards/" + cardId),
                answer -> answer.status() == 200 && answer.json().path("state").asText().equals("APPROVED"));
        phase(started, "card approved");

        // One member receives the card by scanning a QR code: that row of the file is "already a member".
        String ticket = whileUnavailable(() -> api.post("/v1/cards/" + cardId + "/qr-codes", "{\"outer_str\":\"store\"}",
                "application/json")).expect(201).get("ticket").asText();
        String holder = "oResumeQrHolder0001";
        String holderCode = sandbox.post("/sandbox/qrcodes/" + ticket + "/scan", json(Map.of("openid", holder)),
                "application/json").expect(200).get("code").asText();
        await("the QR member's membership (user_get_card pushed)", Duration.ofSeconds(30),
                () -> api.get("/v1/cards/" + cardId + "/memberships/" + holderCode), answer -> answer.status() == 200);

        // Openids WeChat binds to another account: a second app whose card they received first.
        List<String> elsewhere = List.of("oResumeElsewhere01", "oResumeElsewhere02", "oResumeElsewhere03",
                "oResumeElsewhere04", "oResumeElsewhere05", "oResumeElsewhere06");
        bindToAnotherAccount(sandbox, elsewhere);
        phase(started, "QR member and " + elsewhere.size() + " openids of another account ready");

        // WeChat Pay imports only into a card upgraded for it (issue 14 item 3), as the sandbox does by default.
        api.post("/v1/cards/" + cardId + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}", "application/json")
                .expect(200);

        Upload upload = Upload.build(holder, holderCode, elsewhere);
        Answer staged = api.post("/v1/cards/" + cardId + "/imports", upload.csv, "text/csv");
        JsonNode job = staged.expect(202);
        String importId = job.get("id").asText();
        assertThat(staged.headers().firstValue("Location")).hasValue("/v1/imports/" + importId);
        assertThat(job.get("lines_read").asLong()).as(job.toString()).isEqualTo(LINES);
        assertThat(job.get("duplicates_in_file").asLong()).as(job.toString()).isEqualTo(upload.duplicates);
        assertThat(job.path("counts").path("staged").asLong()).isEqualTo(LINES - upload.duplicates);
        phase(started, "import " + importId + " staged: " + job);

        // A few hundred rows settled; then WeChat carries out each new import but holds its answer, the process
        // runs into that (its import threads wait on WeChat), WeChat's state is saved, and the process is killed.
        String progressPath = "/v1/imports/" + importId;
        await(KILL_AFTER_SETTLED + " rows settled", Duration.ofSeconds(60), () -> api.get(progressPath),
                answer -> answer.status() == 200 && settled(answer.json()) >= KILL_AFTER_SETTLED);
        sandbox.post("/sandbox/faults", "{\"slow_ratio\":1.0,\"slow_ms\":30000,\"after_apply\":true,\"path_prefix\":\"/v3/\"}",
                "application/json").expect(200);
        long frozenAt = System.nanoTime();
        Frozen frozen = awaitFrozen(api, sandbox, progressPath);
        first.kill();
        long killedAt = System.nanoTime();
        JsonNode statsBeforeKill = frozen.stats();
        JsonNode progressAtKill = frozen.progress();
        List<JsonNode> callsBeforeKill = frozen.calls();
        long callsBefore = importCalls(statsBeforeKill);
        long appliedBefore = statsBeforeKill.get("imports").asLong();
        long importedAtKill = progressAtKill.path("counts").path("imported").asLong();
        phase(started, String.format("KILLED (SIGKILL) %.1f s after WeChat began holding its answers, with %s; WeChat had"
                + " seen %d import calls and carried out %d imports", (killedAt - frozenAt) / 1e9,
                progressAtKill.path("counts"), callsBefore, appliedBefore));

        ServiceProcess second = track("the service (after the kill)", ServiceProcess.start(ServiceProcess.SERVICE_JAR, environment));
        second.awaitHealthy(api.base + "/health/ready", Duration.ofSeconds(90));
        JsonNode durable = api.get(progressPath).expect(200);
        JsonNode statsAtRestart = sandbox.get("/sandbox/stats").expect(200); // after: no import call yet = none before
        phase(started, String.format("restarted (pid %d) %.1f s after the kill: the job stands at %s %s", second.pid(),
                (System.nanoTime() - killedAt) / 1e9, durable.path("status").asText(), durable.path("counts")));
        assertThat(sandbox.get("/sandbox/faults").expect(200).path("slow_ratio").asDouble()).as("faults are not kept").isZero();
        if (importCalls(statsAtRestart) == 0) {
            // Still under the dead instance's lease: what the kill left is exactly what the service had recorded.
            assertThat(durable.path("status").asText()).isEqualTo("RUNNING");
            assertThat(durable.path("counts")).as("the counts after the restart, against those read just before the kill")
                    .isEqualTo(progressAtKill.path("counts"));
        } else {
            phase(started, "(the restart took longer than the lease: the job had resumed before it could be looked at)");
        }

        // The job waits for its lease (30 s after the dead instance last renewed it), then goes on.
        long settledAtKill = settled(progressAtKill);
        await("the import to resume", Duration.ofSeconds(60), () -> api.get(progressPath),
                answer -> answer.status() == 200 && settled(answer.json()) > settledAtKill);
        double resumedAfter = (System.nanoTime() - killedAt) / 1e9;
        phase(started, String.format("resumed %.1f s after the kill", resumedAfter));
        JsonNode done = awaitCompleted(api, progressPath, Duration.ofSeconds(90));
        phase(started, "completed: " + done);

        // Everything there is to see, gathered and printed first (so that a failure below comes with the figures).
        JsonNode counts = done.get("counts");
        List<JsonNode> failures = pages(api, "/v1/imports/" + importId + "/failures");
        List<JsonNode> memberships = pages(api, "/v1/cards/" + cardId + "/memberships");
        JsonNode onWechat = sandbox.get("/sandbox/cards/" + wechatCardId).expect(200);
        List<String> notOnWechat = new ArrayList<>();
        for (JsonNode member : memberships) {
            Answer code = sandbox.get("/sandbox/cards/" + wechatCardId + "/codes/" + member.get("code").asText());
            if (code.status() != 200 || !code.json().path("openid").asText().equals(member.get("openid").asText())) {
                notOnWechat.add(member + " -> WeChat: " + code);
            }
        }
        // WeChat's statistics start again with its process: before the kill (read while frozen, so exact) plus after.
        JsonNode statsAfter = sandbox.get("/sandbox/stats").expect(200);
        List<JsonNode> callsAfter = importsOnly(list(sandbox.get("/sandbox/calls?path=" + enc(IMPORT_PATH)
                + "&limit=10000").expect(200).get("calls")));
        long callsAfterRestart = importCalls(statsAfter);
        long appliedAfterRestart = statsAfter.get("imports").asLong();
        Map<String, Long> outcomesBefore = outcomes(callsBeforeKill);
        Map<String, Long> outcomesAfter = outcomes(callsAfter);
        long replayed = outcomesAfter.getOrDefault("200", 0L) - appliedAfterRestart;
        long unansweredAtKill = appliedBefore - importedAtKill;
        System.out.printf("""
                [import resume] figures
                  lines %,d: %,d imported, %,d skipped, %,d failed, %,d duplicates in the file
                  before the kill: %,d import calls seen by WeChat, %,d imports carried out; answers given %s, the \
                rest held; the service had recorded %s: %,d imports carried out by WeChat without the service knowing
                  after the restart: %,d import calls, %,d imports carried out, %,d answered with the code of an \
                earlier import (same out_request_no, no new import: %,d of the rows unanswered at the kill, %,d calls \
                repeated after a late or lost answer); answers %s
                  in all: %,d import calls, %,d imports carried out; %,d members imported; %,d memberships here, %,d on \
                WeChat, %,d not matching WeChat; resumed %.1f s after the kill
                """, LINES, counts.get("imported").asLong(), counts.get("skipped").asLong(), counts.get("failed").asLong(),
                done.get("duplicates_in_file").asLong(), callsBefore, appliedBefore, outcomesBefore,
                progressAtKill.path("counts"), unansweredAtKill, callsAfterRestart, appliedAfterRestart, replayed,
                Math.min(replayed, unansweredAtKill), Math.max(0, replayed - unansweredAtKill), outcomesAfter,
                callsBefore + callsAfterRestart, appliedBefore + appliedAfterRestart, counts.get("imported").asLong(),
                memberships.size(), onWechat.path("members").asLong(), notOnWechat.size(), resumedAfter);

        // The report: the counts add up to the lines, each row settled the way it should be.
        assertThat(done.get("lines_read").asLong()).isEqualTo(LINES);
        assertThat(done.get("duplicates_in_file").asLong()).isEqualTo(upload.duplicates);
        assertThat(counts.get("imported").asLong()).as(done.toString()).isEqualTo(upload.toImport.size());
        assertThat(counts.get("skipped").asLong()).as(done.toString()).isEqualTo(1);
        assertThat(counts.get("failed").asLong()).as(done.toString()).isEqualTo(upload.failures.size());
        assertThat(counts.get("pending").asLong()).isZero();
        assertThat(counts.get("retrying").asLong()).isZero();
        assertThat(counts.get("imported").asLong() + counts.get("skipped").asLong() + counts.get("failed").asLong()
                + done.get("duplicates_in_file").asLong()).as("imported + skipped + failed + duplicates = lines")
                .isEqualTo(LINES);
        assertThat(counts.get("staged").asLong()).isEqualTo(LINES - upload.duplicates);
        assertThat(done.has("finished_at")).isTrue();

        // Each failure listed, in line order, with its reason.
        Map<Long, JsonNode> failureByLine = new TreeMap<>();
        failures.forEach(failure -> failureByLine.put(failure.get("line").asLong(), failure));
        assertThat(failures).hasSize(upload.failures.size());
        assertThat(failures.stream().map(failure -> failure.get("line").asLong()).toList()).isSorted();
        assertThat(failureByLine.keySet()).containsExactlyElementsOf(upload.failures.keySet());
        upload.failures.forEach((line, expected) -> {
            JsonNode failure = failureByLine.get(line);
            assertThat(failure.path("reason").asText()).as("the reason of line %d: %s", line, failure)
                    .contains(expected.reasonFragment());
            if (expected.openid() == null) {
                assertThat(failure.has("openid")).as("line %d could not be read: no openid; %s", line, failure).isFalse();
                assertThat(failure.path("reason").asText()).startsWith("line " + line + ": ");
            } else {
                assertThat(failure.path("openid").asText()).isEqualTo(expected.openid());
            }
        });

        // Every distinct valid openid is exactly one membership, imported (activated) with its opening points.
        Map<String, List<JsonNode>> byOpenid = new HashMap<>();
        memberships.forEach(member -> byOpenid.computeIfAbsent(member.get("openid").asText(), o -> new ArrayList<>()).add(member));
        assertThat(byOpenid.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList())
                .as("openids holding the card more than once").isEmpty();
        Set<String> expectedMembers = new LinkedHashSet<>(upload.toImport.keySet());
        expectedMembers.add(holder);
        assertThat(byOpenid.keySet()).as("the card's members").containsExactlyInAnyOrderElementsOf(expectedMembers);
        assertThat(memberships).hasSize(expectedMembers.size());
        for (Map.Entry<String, Long> row : upload.toImport.entrySet()) {
            JsonNode member = byOpenid.get(row.getKey()).get(0);
            assertThat(member.path("state").asText()).as(member.toString()).isEqualTo("ACTIVATED");
            assertThat(member.path("activation_method").asText()).as(member.toString()).isEqualTo("IMPORT");
            assertThat(member.path("points").asLong()).as("opening points, once: %s", member).isEqualTo(row.getValue());
        }
        assertThat(byOpenid.get(holder).get(0).path("code").asText()).isEqualTo(holderCode);

        // WeChat's side: the same members with the same codes, none twice.
        assertThat(onWechat.get("members").asLong()).as("members of the card on WeChat: %s", onWechat)
                .isEqualTo(memberships.size());
        assertThat(notOnWechat).as("memberships WeChat does not know, or knows with another openid").isEmpty();

        // No row imported twice on WeChat: what it carried out equals the members imported; the rows whose answer
        // died with the process were sent again under the same out_request_no and answered without a new import.
        assertThat(appliedBefore + appliedAfterRestart).as("imports WeChat carried out, before and after the kill")
                .isEqualTo(counts.get("imported").asLong());
        assertThat(unansweredAtKill).as("imports WeChat carried out whose answer died with the process").isPositive();
        // Each row unanswered at the kill was sent again and answered with its code; more such answers are calls the
        // service repeated (same out_request_no) after an answer came late or was lost, which a loaded machine causes.
        assertThat(replayed).as("calls after the restart answered with the code of an earlier import")
                .isGreaterThanOrEqualTo(unansweredAtKill);
        assertThat(callsAfter).as("WeChat's call log since the restart holds every import call").hasSize((int) callsAfterRestart);
        assertThat(outcomesBefore.keySet()).as("no row was ever refused as already imported (another out_request_no)")
                .doesNotContain("400 ALREADY_EXISTS");
        assertThat(outcomesAfter.keySet()).as("no row was ever refused as already imported (another out_request_no)")
                .doesNotContain("400 ALREADY_EXISTS");
        long refusedByWechat = upload.failures.values().stream().filter(f -> f.openid() != null).count();
        assertThat(outcomesBefore.entrySet().stream().filter(e -> !e.getKey().equals("200")).mapToLong(Map.Entry::getValue).sum()
                + outcomesAfter.entrySet().stream().filter(e -> !e.getKey().equals("200")).mapToLong(Map.Entry::getValue).sum())
                .as("refusals: each refused row asked once").isEqualTo(refusedByWechat);

        int status = second.stop(Duration.ofSeconds(60));
        assertThat(status).isIn(0, 143);
        phase(started, "stopped");
    }

    /**
     * Waits for the import to complete for as long as it moves (a loaded machine sends slower than the configured
     * rate): fails only when its counts stood still for {@code stall}.
     */
    private static JsonNode awaitCompleted(Api api, String progressPath, Duration stall) throws InterruptedException {
        JsonNode last = null;
        long movedAt = System.nanoTime();
        while (System.nanoTime() - movedAt < stall.toNanos()) {
            JsonNode progress = api.get(progressPath).expect(200);
            if (progress.path("status").asText().equals("COMPLETED")) {
                return progress;
            }
            if (last == null || !progress.path("counts").equals(last.path("counts"))) {
                movedAt = System.nanoTime();
            }
            last = progress;
            Thread.sleep(500);
        }
        throw new AssertionError("the import stood still for " + stall.toSeconds() + " s before completing: " + last);
    }

    /** What WeChat and the service showed while WeChat held its answers, just before the kill. */
    private record Frozen(JsonNode stats, JsonNode progress, List<JsonNode> calls) {}

    /**
     * Waits until WeChat has received no import call for 800 ms (the service's import threads all wait on answers
     * WeChat holds, and WeChat saved its state file meanwhile), then answers what both show, read twice to be sure
     * nothing moved in between.
     */
    private static Frozen awaitFrozen(Api api, Api sandbox, String progressPath) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            JsonNode stats = sandbox.get("/sandbox/stats").expect(200);
            String seen = importCalls(stats) + "/" + stats.get("imports").asLong();
            if (!seen.equals(last)) {
                last = seen;
                stableSince = System.nanoTime();
                continue;
            }
            if (System.nanoTime() - stableSince < Duration.ofMillis(800).toNanos()) {
                continue;
            }
            JsonNode progress = api.get(progressPath).expect(200);
            List<JsonNode> calls = importsOnly(list(sandbox.get("/sandbox/calls?path=" + enc(IMPORT_PATH)
                    + "&limit=10000").expect(200).get("calls")));
            JsonNode again = sandbox.get("/sandbox/stats").expect(200);
            if ((importCalls(again) + "/" + again.get("imports").asLong()).equals(seen) && api.get(progressPath).expect(200).path("counts").equals(progress.path("counts"))) {
                return new Frozen(stats, progress, calls);
            }
        }
        throw new AssertionError("WeChat kept receiving import calls while holding its answers; last seen (calls/imports) "
                + last);
    }

    /** Registers a second account in the sandbox and gives its card to these openids, which it then owns. */
    private static void bindToAnotherAccount(Api sandbox, List<String> openids) {
        sandbox.post("/sandbox/apps", json(Map.of("appid", OTHER_APP, "secret", OTHER_SECRET, "token", "otherToken",
                "mode", "plain")), "application/json").expect(200);
        String token = sandbox.get("/cgi-bin/token?grant_type=client_credential&appid=" + OTHER_APP + "&secret="
                + OTHER_SECRET).expect(200).get("access_token").asText();
        JsonNode created = sandbox.post("/card/create?access_token=" + token, CARD.formatted("Other Shop", "Other"),
                "application/json").expect(200);
        assertThat(created.path("errcode").asInt()).as(created.toString()).isZero();
        String otherCard = created.get("card_id").asText();
        Answer review = sandbox.post("/sandbox/cards/" + otherCard + "/review", "{\"result\":\"pass\"}", "application/json");
        assertThat(review.status()).as(review.toString()).isIn(200, 400); // 400: the auto-review was first
        await("the other account's card approved", Duration.ofSeconds(30), () -> sandbox.get("/sandbox/cards/" + otherCard),
                answer -> answer.json().path("status").asText().equals("CARD_STATUS_VERIFY_OK"));
        for (String openid : openids) {
            sandbox.post("/sandbox/cards/" + otherCard + "/users", json(Map.of("openid", openid)), "application/json")
                    .expect(200);
        }
    }

    /** What a failed row's listing should show. */
    private record ExpectedFailure(String openid, String reasonFragment) {}

    /** The CSV and what each of its lines should become. */
    private static final class Upload {
        final StringBuilder csvText = new StringBuilder("openid,code,points\n");
        final Map<String, Long> toImport = new LinkedHashMap<>(); // openid -> opening points
        final Map<Long, ExpectedFailure> failures = new TreeMap<>(); // physical line -> failure
        int duplicates;
        String csv;
        private int lines;

        /**
         * {@value #LINES} lines after the header: valid members (some with opening points), and spread through the
         * file (so that some come before the kill and some after) the special rows.
         */
        static Upload build(String holder, String holderCode, List<String> elsewhere) {
            Upload upload = new Upload();
            Map<Integer, Runnable> special = new HashMap<>();
            // Lines that cannot be read: each fails alone, the upload goes on.
            special.put(10, () -> upload.unreadable("o bad openid,,", "openid"));
            special.put(250, () -> upload.unreadable("oResumeBad!,,", "openid"));
            special.put(777, () -> upload.unreadable(",,5", "openid is required"));
            special.put(1400, () -> upload.unreadable("oResumeNegative,,-5", "points"));
            special.put(2100, () -> upload.unreadable("oResumeTooMany,,1,2", "values"));
            special.put(2600, () -> upload.unreadable("o" + "x".repeat(70) + ",,", "openid"));
            // Bound to another account: WeChat Pay answers 403 NO_AUTH.
            int[] elsewhereAt = {20, 150, 260, 1200, 1800, 2500};
            for (int i = 0; i < elsewhere.size(); i++) {
                String openid = elsewhere.get(i);
                special.put(elsewhereAt[i], () -> upload.refused(openid, "", "NO_AUTH"));
            }
            // A code another member holds on the card: 400 INVALID_REQUEST.
            special.put(30, () -> upload.refused("oResumeCodeTaken01", holderCode, "INVALID_REQUEST"));
            special.put(2400, () -> upload.refused("oResumeCodeTaken02", holderCode, "INVALID_REQUEST"));
            // Already a member (received the card by QR code), and a duplicate of that line later on.
            special.put(60, () -> upload.line(holder + ",,"));
            special.put(2700, () -> upload.duplicate(holder));
            // A refused openid named twice: the second line is a duplicate, not a second failure.
            special.put(1900, () -> upload.duplicate(elsewhere.get(0)));
            int member = 0;
            List<String> valid = new ArrayList<>();
            for (int i = 0; i < LINES; i++) {
                if (special.containsKey(i)) {
                    special.get(i).run();
                } else if (i % 97 == 50 && !valid.isEmpty()) {
                    upload.duplicate(valid.get(valid.size() / 2)); // a member named again, later in the file
                } else {
                    member++;
                    String openid = String.format("oResume%06d", member);
                    long points = member % 5 == 0 ? 0 : member % 7 * 10;
                    upload.line(openid + ",," + (points == 0 ? "" : Long.toString(points)));
                    upload.toImport.put(openid, points);
                    valid.add(openid);
                }
            }
            upload.csv = upload.csvText.toString();
            return upload;
        }

        /** Physical line of the next line (the header is line 1). */
        private long nextLine() {
            return lines + 2L;
        }

        private void line(String text) {
            csvText.append(text).append('\n');
            lines++;
        }

        private void unreadable(String text, String reason) {
            failures.put(nextLine(), new ExpectedFailure(null, reason));
            line(text);
        }

        private void refused(String openid, String code, String reason) {
            failures.put(nextLine(), new ExpectedFailure(openid, reason));
            line(openid + "," + code + ",");
        }

        private void duplicate(String openid) {
            duplicates++;
            line(openid + ",,7");
        }
    }

    private static long settled(JsonNode progress) {
        JsonNode counts = progress.path("counts");
        return counts.path("imported").asLong() + counts.path("skipped").asLong() + counts.path("failed").asLong();
    }

    /** The import calls among the card's membercard-open calls (the card's upgrade is one of them too). */
    private static List<JsonNode> importsOnly(List<JsonNode> calls) {
        return calls.stream().filter(call -> call.path("path").asText().endsWith(IMPORT_SUFFIX)).toList();
    }

    private static long importCalls(JsonNode stats) {
        return stats.path("calls_per_path").properties().stream().filter(path -> path.getKey().startsWith(IMPORT_PATH)
                        && path.getKey().endsWith(IMPORT_SUFFIX))
                .mapToLong(path -> path.getValue().asLong()).sum();
    }

    /** Logged import calls by outcome: "200", "403 NO_AUTH", ... */
    private static Map<String, Long> outcomes(List<JsonNode> calls) {
        Map<String, Long> outcomes = new TreeMap<>();
        for (JsonNode call : calls) {
            String outcome = call.path("http_status").asText() + (call.has("code") ? " " + call.get("code").asText() : "");
            outcomes.merge(outcome, 1L, Long::sum);
        }
        return outcomes;
    }

    /** Every item of a paged list. */
    private static List<JsonNode> pages(Api api, String path) {
        List<JsonNode> items = new ArrayList<>();
        for (int offset = 0; ; offset += 200) {
            JsonNode page = api.get(path + "?offset=" + offset + "&limit=200").expect(200);
            page.get("items").forEach(items::add);
            if (page.get("items").size() < 200) {
                assertThat(page.get("total").asLong()).isEqualTo(items.size());
                return items;
            }
        }
    }

    private ServiceProcess track(String name, ServiceProcess process) {
        processes.add(new Named(name, process));
        return process;
    }

    private static void phase(long started, String what) {
        System.out.printf("[import resume] %6.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    /** Sends again (at most 3 times more) while the answer is 503: a cold JVM's first WeChat call may be slow. */
    private static Answer whileUnavailable(Callable<Answer> send) throws Exception {
        Answer answer = send.call();
        for (int attempt = 1; attempt <= 3 && answer.status() == 503; attempt++) {
            System.out.println("[import resume] 503, sending again: " + answer.text());
            Thread.sleep(500L * attempt);
            answer = send.call();
        }
        return answer;
    }

    private static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.call();
                if (done.test(last)) {
                    return last;
                }
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            } catch (Exception notYet) {
                last = null;
            }
        }
        throw new AssertionError("gave up waiting " + timeout.toSeconds() + " s for " + what + "; last seen: " + last);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** An answer: status, headers, body (its JSON read on demand). */
    record Answer(int status, java.net.http.HttpHeaders headers, String text) {
        JsonNode json() {
            try {
                return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException notJson) {
                return JSON.createObjectNode().put("text", text);
            }
        }

        JsonNode expect(int expected) {
            assertThat(status).as("HTTP status; body: %s", text).isEqualTo(expected);
            return json();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    /** A small client of one base URL: the service's API (with its key), or the sandbox. */
    private static final class Api {
        final String base;
        private final String apiKey;

        Api(String base, String apiKey) {
            this.base = base;
            this.apiKey = apiKey;
        }

        Answer get(String path) {
            return send(request(path).GET());
        }

        Answer post(String path, String body, String contentType) {
            return send(request(path).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            return request;
        }

        private static Answer send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers(), response.body());
            } catch (IOException failed) {
                throw new IllegalStateException("no answer from " + request.build().uri() + ": " + failed, failed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}
