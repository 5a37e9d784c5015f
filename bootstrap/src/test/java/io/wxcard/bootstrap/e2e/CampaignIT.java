package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 3, "done when", through the packaged jar on its embedded defaults (H2, the built-in sandbox): a
 * pay-to-join campaign is refused while an import of the card's existing members runs (slowed to {@value #RATE} a
 * second), refused again while the finished import has a failed row nobody reviewed, and starts once the review is
 * recorded through the CLI; it reports the members the import protected, is told to WeChat
 * ({@code card/paygiftcard/add}), and is terminated through the CLI ({@code card/paygiftcard/delete}). Then a
 * WeChat Pay member-card activity is started, shown with WeChat Pay's state, and terminated, all through the CLI.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CampaignIT {

    private static final String API_KEY = "e2e-campaign-key-0123456789abcdef";
    private static final int RATE = 4;
    private static final int MEMBERS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;
    /** The service's base URL, for the CLI. */
    private String api;

    @Test
    void a_campaign_waits_for_the_import_and_its_review_then_reports_the_members_it_protected() throws Exception {
        int httpPort = ServiceProcess.freePort();
        int sandboxPort = ServiceProcess.freePort();
        api = "http://127.0.0.1:" + httpPort;
        String sandbox = "http://127.0.0.1:" + sandboxPort;
        Map<String, String> environment = Map.of("CARD_DATA_DIR", dataDir.toString(), "CARD_HTTP_PORT",
                Integer.toString(httpPort), "CARD_HTTP_HOST", "127.0.0.1", "CARD_SANDBOX_PORT",
                Integer.toString(sandboxPort), "CARD_DEMO_API_KEY", API_KEY, "CARD_IMPORT_RATE",
                Integer.toString(RATE));
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.SERVICE_JAR, environment)) {
            service.awaitHealthy(api + "/health/ready", Duration.ofSeconds(60));
            String cardId = send("POST", api + "/v1/cards", ServiceProcessCards.ONE_CLICK, 201).get("id").asText();
            send("POST", api + "/v1/cards/" + cardId + "/submit", "{}", 200);
            await("the card approved", () -> "APPROVED".equals(send("GET", api + "/v1/cards/" + cardId, null, 200)
                    .get("state").asText()));
            send("POST", api + "/v1/cards/" + cardId + "/wechat-pay-upgrade", "{\"brand_id\":\"1001622624\"}", 200);
            StringBuilder csv = new StringBuilder("openid,code,points\n");
            for (int i = 0; i < MEMBERS; i++) {
                csv.append("oCampaignOld").append(String.format("%03d", i)).append(",,\n");
            }
            csv.append("o bad openid,,\n"); // cannot be read: a failed row someone has to look at
            String importId = send("POST", api + "/v1/cards/" + cardId + "/imports", csv.toString(), "text/csv", 202)
                    .get("id").asText();
            String campaigns = api + "/v1/cards/" + cardId + "/campaigns";
            Instant now = Instant.now();
            String rule = """
                    {"kind": "PAY_TO_JOIN", "name": "满10元开卡", "mchids": ["1900000109"], "begin": "%s", "end": "%s",
                     "least_cost_fen": 1000, "max_cost_fen": 100000}""".formatted(now, now.plus(Duration.ofDays(7)));

            JsonNode running = send("POST", campaigns, rule, 409);
            assertThat(running.get("type").asText()).endsWith("campaign-blocked-by-import");
            assertThat(running.get("detail").asText()).contains(importId, "still running");
            assertThat(send("GET", api + "/v1/imports/" + importId, null, 200).get("status").asText())
                    .as("the refusal came while the import ran").isNotEqualTo("COMPLETED");

            await("the import finished", () -> "COMPLETED".equals(send("GET", api + "/v1/imports/" + importId, null,
                    200).get("status").asText()));
            JsonNode counts = send("GET", api + "/v1/imports/" + importId, null, 200).get("counts");
            assertThat(counts.get("imported").asLong()).as(counts.toString()).isEqualTo(MEMBERS);
            assertThat(counts.get("failed").asLong()).as(counts.toString()).isEqualTo(1);
            JsonNode unreviewed = send("POST", campaigns, rule, 409);
            assertThat(unreviewed.get("detail").asText()).contains(importId, "failed rows nobody has looked at");
            assertThat(calls(sandbox, "/card/paygiftcard/add")).as("nothing told to WeChat yet").isZero();

            ServiceProcess.Result reviewed = cli("campaigns", "failures-reviewed", importId, "--note",
                    "the unreadable line was a typo in the export");
            assertThat(reviewed.status()).as(reviewed.output()).isZero();
            JsonNode started = send("POST", campaigns, rule, 201);

            assertThat(started.get("protected_members").asLong()).isEqualTo(MEMBERS);
            assertThat(started.get("wechat_id").asText()).isNotBlank();
            assertThat(calls(sandbox, "/card/paygiftcard/add")).isEqualTo(1);
            JsonNode overlapping = send("POST", campaigns, rule, 409);
            assertThat(overlapping.get("type").asText()).endsWith("campaign-overlaps");
            ServiceProcess.Result listed = cli("campaigns", "list", "--card", cardId);
            assertThat(listed.output()).contains(started.get("id").asText(), MEMBERS + " members protected",
                    "1 campaigns");
            ServiceProcess.Result terminated = cli("campaigns", "terminate", started.get("id").asText());
            assertThat(terminated.status()).as(terminated.output()).isZero();
            assertThat(terminated.output()).contains("terminated at");
            assertThat(calls(sandbox, "/card/paygiftcard/delete")).isEqualTo(1);
            assertThat(send("GET", api + "/v1/campaigns/" + started.get("id").asText(), null, 200)
                    .has("terminated_at")).isTrue();

            // A WeChat Pay member-card activity on the same (upgraded) card, through the CLI, signed to the sandbox.
            ServiceProcess.Result activity = cli("campaigns", "create", "--card", cardId, "--kind",
                    "NON_MEMBER_AFTERPAY", "--name", "开卡有礼", "--mchid", "1900000109", "--begin",
                    Instant.now().toString(), "--end", Instant.now().plus(Duration.ofDays(30)).toString(), "--gift",
                    "1900000109:98065001", "--logo-url", "https://wxpaylogo.qpic.cn/e2e/0", "--second-title", "开卡送券");
            assertThat(activity.status()).as(activity.output()).isZero();
            assertThat(calls(sandbox, "/v3/marketing/membercard-activity/activities")).isEqualTo(1);
            String activityId = activity.output().trim().split("\\s+")[0];
            ServiceProcess.Result shown = cli("campaigns", "show", activityId);
            assertThat(shown.output()).as(shown.output()).contains("gifts 1900000109:98065001", "on WeChat: ONGOING");
            assertThat(cli("campaigns", "terminate", activityId).status()).isZero();
            assertThat(cli("campaigns", "show", activityId).output()).contains("on WeChat: TERMINATED");
            service.stop(Duration.ofSeconds(60));
        }
    }

    private ServiceProcess.Result cli(String... arguments) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 4);
        all[arguments.length] = "--url";
        all[arguments.length + 1] = api;
        all[arguments.length + 2] = "--api-key";
        all[arguments.length + 3] = API_KEY;
        return ServiceProcess.run(Map.of(), Duration.ofMinutes(1), all);
    }

    /** How many calls of this path (after /cgi-bin or not) the sandbox answered. */
    private static long calls(String sandbox, String path) throws Exception {
        JsonNode calls = send("GET", sandbox + "/sandbox/calls", null, 200).get("calls");
        long n = 0;
        for (JsonNode call : calls) {
            if (call.path("path").asText().endsWith(path)) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode send(String method, String url, String body, int expected) throws Exception {
        return send(method, url, body, "application/json", expected);
    }

    private static JsonNode send(String method, String url, String body, String type, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", type)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + url + ": " + answer.body()).isEqualTo(expected);
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
