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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 through the packaged jar on its embedded defaults: a card's levels and points rule set by the CLI
 * ({@code loyalty set-levels / set-points-rule --file}), a bad levels file refused with the field named and nothing
 * changed, a purchase recorded ({@code loyalty purchase}) that earns points and moves the member up, the set-up shown,
 * and the promotion review finding nobody left to move.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LoyaltyCliIT {

    private static final String API_KEY = "e2e-loyalty-cli-key-0123456789abcd";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void levels_and_points_set_from_files_a_purchase_moves_the_member_up_and_a_bad_file_changes_nothing()
            throws Exception {
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
            String alice = member(api, sandbox, cardId, wechatCardId, "oLoyaltyAlice", "139 0013 9101");

            Path levels = dataDir.resolve("levels.json");
            Files.writeString(levels, """
                    {"levels": [
                      {"name": "普通", "entry": "BASE", "field_text": "普通"},
                      {"name": "银卡", "entry": "THRESHOLD", "points": 100, "field_text": "银卡"},
                      {"name": "金卡", "entry": "THRESHOLD", "points": 500, "field_text": "金卡"}]}""");
            Path overlapping = dataDir.resolve("overlapping.json");
            Files.writeString(overlapping, """
                    {"levels": [
                      {"name": "普通", "entry": "BASE", "field_text": "普通"},
                      {"name": "银卡", "entry": "THRESHOLD", "points": 500, "field_text": "银卡"},
                      {"name": "金卡", "entry": "THRESHOLD", "points": 100, "field_text": "金卡"}]}""");
            Path points = dataDir.resolve("points.json");
            Files.writeString(points, "{\"spend_unit_fen\": 100, \"points_per_unit\": 1}");

            assertThat(cli(api, "set-levels", "--card", cardId, "--file", levels.toString()).status()).isZero();
            assertThat(cli(api, "set-points-rule", "--card", cardId, "--file", points.toString()).status()).isZero();
            ServiceProcess.Result refused = cli(api, "set-levels", "--card", cardId, "--file", overlapping.toString());
            assertThat(refused.status()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("setting the card's levels failed: HTTP 422");

            ServiceProcess.Result paid = cli(api, "purchase", "--card", cardId, "--code", alice, "--amount-fen",
                    "15099", "--key", "order-1");
            assertThat(paid.status()).as(paid.output()).isZero();
            assertThat(paid.output()).contains("purchase order-1: 150 points earned, promoted to 银卡");
            ServiceProcess.Result shown = cli(api, "show", "--card", cardId);
            assertThat(shown.output()).as("the first levels file stands").contains("银卡", "金卡");
            assertThat(cli(api, "promote", "--card", cardId).output()).contains("0 members moved up");
            assertThat(send("GET", api + "/v1/cards/" + cardId + "/memberships/" + alice, null, 200).get("points")
                    .asLong()).isEqualTo(150);
            service.stop(Duration.ofSeconds(60));
        }
    }

    private static ServiceProcess.Result cli(String api, String... arguments) {
        List<String> all = new ArrayList<>(List.of("loyalty"));
        all.addAll(List.of(arguments));
        all.addAll(List.of("--url", api, "--api-key", API_KEY));
        return ServiceProcess.run(Map.of(), Duration.ofMinutes(1), all.toArray(String[]::new));
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
