package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4 through the packaged jar on its embedded defaults: two members of a one-click card (each submitted
 * the form with a mobile, so one can be named by phone) get a CRM's batch through the CLI ({@code ledger-batch FILE
 * --card ID}): by code and by phone, a delta and a target, and one line that cannot be applied. Sent twice, it applies
 * once; the failed line is listed with its reason, and WeChat (the sandbox) ends with the ledger's totals.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LedgerBatchCliIT {

    private static final String API_KEY = "e2e-ledger-batch-key-0123456789ab";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void a_crm_batch_applies_once_through_the_cli_and_wechat_ends_with_the_ledger_s_totals() throws Exception {
        int httpPort = ServiceProcess.freePort();
        int sandboxPort = ServiceProcess.freePort();
        String api = "http://127.0.0.1:" + httpPort;
        String sandbox = "http://127.0.0.1:" + sandboxPort;
        Map<String, String> environment = Map.of("CARD_DATA_DIR", dataDir.toString(), "CARD_HTTP_PORT",
                Integer.toString(httpPort), "CARD_HTTP_HOST", "127.0.0.1", "CARD_SANDBOX_PORT",
                Integer.toString(sandboxPort), "CARD_DEMO_API_KEY", API_KEY);
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.SERVICE_JAR, environment)) {
            service.awaitHealthy(api + "/health/ready", Duration.ofSeconds(60));
            String cardId = send("POST", api + "/v1/cards", ServiceProcessCards.ONE_CLICK, 201).get("id").asText();
            String wechatCardId = send("POST", api + "/v1/cards/" + cardId + "/submit", "{}", 200)
                    .get("wechat_card_id").asText();
            await("the card approved", () -> "APPROVED".equals(send("GET", api + "/v1/cards/" + cardId, null, 200)
                    .get("state").asText()));
            send("PUT", api + "/v1/cards/" + cardId + "/activation-form", "{\"required_form\":{"
                    + "\"common_field_id_list\":[\"USER_FORM_INFO_FLAG_MOBILE\"]}}", 200);
            String alice = member(api, sandbox, cardId, wechatCardId, "oBatchAlice", "139 0013 9001");
            String bob = member(api, sandbox, cardId, wechatCardId, "oBatchBob", "139 0013 9002");
            await("bob found by phone", () -> send("GET", api + "/v1/members?phone=13900139002", null, 200)
                    .get("items").size() == 1);
            Path csv = dataDir.resolve("crm.csv");
            Files.writeString(csv, "code,phone,points,balance_target,reason,idempotency_key\n"
                    + alice + ",,120,,nightly sync,crm-1\n"
                    + ",+86 139-0013-9002,30,2500,nightly sync,crm-2\n"
                    + alice + ",,-500,,more than she has,crm-3\n"
                    + alice + ",,,1000,top-up to 10 yuan,crm-4\n");

            ServiceProcess.Result first = cli(api, csv, cardId);
            ServiceProcess.Result again = cli(api, csv, cardId);

            assertThat(first.status()).as(first.output()).isEqualTo(2); // a line failed
            assertThat(first.output()).contains("100%", "3 applied", "0 replayed", "1 failed", "line 4: points: ");
            assertThat(again.output()).contains("0 applied", "3 replayed", "1 failed");
            JsonNode aliceNow = send("GET", api + "/v1/cards/" + cardId + "/memberships/" + alice, null, 200);
            JsonNode bobNow = send("GET", api + "/v1/cards/" + cardId + "/memberships/" + bob, null, 200);
            assertThat(aliceNow.get("points").asLong()).isEqualTo(120);
            assertThat(aliceNow.get("balance").asLong()).isEqualTo(1000);
            assertThat(bobNow.get("points").asLong()).isEqualTo(30);
            assertThat(bobNow.get("balance").asLong()).isEqualTo(2500);
            await("WeChat holds the ledger's totals", () -> {
                JsonNode a = send("GET", sandbox + "/sandbox/cards/" + wechatCardId + "/codes/" + alice, null, 200);
                JsonNode b = send("GET", sandbox + "/sandbox/cards/" + wechatCardId + "/codes/" + bob, null, 200);
                return a.path("bonus").asLong() == 120 && a.path("balance").asLong() == 1000
                        && b.path("bonus").asLong() == 30 && b.path("balance").asLong() == 2500;
            });
            service.stop(Duration.ofSeconds(60));
        }
    }

    private static ServiceProcess.Result cli(String api, Path csv, String cardId) {
        return ServiceProcess.run(Map.of(), Duration.ofMinutes(1), "ledger-batch", csv.toString(), "--card", cardId,
                "--url", api, "--api-key", API_KEY);
    }

    /** A member scans the card's QR code and submits the one-click form with a mobile; answers the code. */
    private static String member(String api, String sandbox, String cardId, String wechatCardId, String openId,
                                 String mobile) throws Exception {
        String ticket = send("POST", api + "/v1/cards/" + cardId + "/qr-codes", "{}", 201).get("ticket").asText();
        String code = send("POST", sandbox + "/sandbox/qrcodes/" + ticket + "/scan", "{\"openid\":\"" + openId
                + "\"}", 200).get("code").asText();
        await("the membership received", () -> status(api + "/v1/cards/" + cardId + "/memberships/" + code) == 200);
        send("POST", sandbox + "/sandbox/cards/" + wechatCardId + "/codes/" + code + "/form",
                "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\",\"value\":\"" + mobile + "\"}]}",
                200);
        await("the membership activated", () -> "ACTIVATED".equals(send("GET", api + "/v1/cards/" + cardId
                + "/memberships/" + code, null, 200).get("state").asText()));
        return code;
    }

    private static int status(String url) throws Exception {
        return HTTP.send(request(url).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode send(String method, String url, String body, int expected) throws Exception {
        HttpRequest.Builder request = request(url).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + url + ": " + answer.body()).isEqualTo(expected);
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + API_KEY);
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
