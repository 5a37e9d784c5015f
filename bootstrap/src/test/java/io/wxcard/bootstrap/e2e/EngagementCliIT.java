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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 items 4 and 6 through the packaged jar on its embedded defaults (the sandbox as WeChat), over REST and the
 * CLI: a store added with {@code stores add}; a member who scans the store's QR code (made over REST) is the store's,
 * and scanning it again opens the card they hold, a visit of the store's; a segment of the store's members defined
 * with {@code segments add} becomes a WeChat tag ({@code segments sync}); {@code segments send} is refused until a
 * preview went out ({@code segments preview}), then WeChat delivers the card to the tag's follower and no one else.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EngagementCliIT {

    private static final String API_KEY = "e2e-engagement-key-0123456789abcd";
    private static final String APP_ID = "wxdemo0000card0001"; // the demo tenant's (DemoTenant.APP_ID)
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void a_stores_code_brings_a_member_to_the_store_and_a_previewed_mass_send_reaches_the_segments_tag() throws Exception {
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
            send("POST", api + "/v1/cards/" + cardId + "/submit", "{}", 200);
            await("the card approved", () -> "APPROVED".equals(send("GET", api + "/v1/cards/" + cardId, null, 200)
                    .get("state").asText()));

            ServiceProcess.Result added = cli(api, "stores", "add", "静安店", "--address", "南京西路 1 号");
            String storeId = group(added, "store (\\S+) added");
            ServiceProcess.Result listed = cli(api, "stores", "list");
            String ticket = send("GET", api + "/v1/cards/" + cardId + "/stores/" + storeId + "/qr-code", null, 200)
                    .get("ticket").asText();
            String code = scan(sandbox, ticket, "oStoreMember").get("code").asText();
            await("the membership received", () -> status(api + "/v1/cards/" + cardId + "/memberships/" + code) == 200);
            JsonNode again = scan(sandbox, ticket, "oStoreMember");
            String plainTicket = send("POST", api + "/v1/cards/" + cardId + "/qr-codes", "{}", 201).get("ticket")
                    .asText();
            String otherCode = scan(sandbox, plainTicket, "oTester").get("code").asText();
            await("the other membership received", () -> status(api + "/v1/cards/" + cardId + "/memberships/"
                    + otherCode) == 200);
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            await("the store's visit counted", () -> storeChannel(api, cardId, storeId, today).path("store_visits")
                    .asLong() == 1);

            String segmentId = group(cli(api, "segments", "add", "静安会员", "--card", cardId, "--store", storeId),
                    "segment (\\S+) defined");
            ServiceProcess.Result synced = cli(api, "segments", "sync", segmentId, "--card", cardId);
            ServiceProcess.Result unpreviewed = cli(api, "segments", "send", segmentId, "--card", cardId);
            ServiceProcess.Result previewed = cli(api, "segments", "preview", segmentId, "--card", cardId,
                    "--openid", "oTester");
            ServiceProcess.Result sent = cli(api, "segments", "send", segmentId, "--card", cardId);
            ServiceProcess.Result segments = cli(api, "segments", "list", "--card", cardId);

            assertThat(listed.output()).contains(storeId, "静安店", "1 stores");
            assertThat(again.path("opened").asBoolean()).as("a holder is opened to the card: %s", again).isTrue();
            JsonNode channel = storeChannel(api, cardId, storeId, today);
            assertThat(channel.path("new_members").asLong()).as("the member is the store's").isEqualTo(1);
            assertThat(synced.status()).as(synced.output()).isZero();
            assertThat(synced.output()).contains("1 tagged, 0 untagged");
            assertThat(unpreviewed.status()).as(unpreviewed.output()).isEqualTo(1);
            assertThat(unpreviewed.output()).contains("HTTP 409", "preview");
            assertThat(previewed.status()).as(previewed.output()).isZero();
            assertThat(sent.status()).as(sent.output()).isZero();
            assertThat(sent.output()).contains("sent to tag:");
            assertThat(segments.output()).contains(segmentId, "静安会员", "1 segments");
            assertThat(receivers(sandbox, "mass")).as("the mass send reached the tag").containsExactly("oStoreMember");
            assertThat(receivers(sandbox, "preview")).containsExactly("oTester");
            JsonNode sends = send("GET", api + "/v1/cards/" + cardId + "/card-messages", null, 200).get("items");
            assertThat(sends).extracting(s -> s.get("kind").asText()).containsExactlyInAnyOrder("PREVIEW", "MASS");
            assertThat(sends).allSatisfy(s -> assertThat(s.get("delivered").asBoolean()).isTrue());
            service.stop(Duration.ofSeconds(60));
        }
    }

    private static ServiceProcess.Result cli(String api, String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--url", api, "--api-key", API_KEY));
        return ServiceProcess.run(Map.of(), Duration.ofMinutes(1), all.toArray(String[]::new));
    }

    private static String group(ServiceProcess.Result result, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(result.output());
        assertThat(matcher.find()).as("%s in: %s", pattern, result.output()).isTrue();
        return matcher.group(1);
    }

    private static JsonNode scan(String sandbox, String ticket, String openId) throws Exception {
        return send("POST", sandbox + "/sandbox/qrcodes/" + ticket + "/scan", "{\"openid\":\"" + openId + "\"}", 200);
    }

    private static JsonNode storeChannel(String api, String cardId, String storeId, String day) throws Exception {
        JsonNode channels = send("GET", api + "/v1/cards/" + cardId + "/statistics?from=" + day + "&to=" + day, null,
                200).get("channels");
        for (JsonNode channel : channels) {
            if (storeId.equals(channel.path("store").asText())) {
                return channel;
            }
        }
        return JSON.createObjectNode();
    }

    private static List<String> receivers(String sandbox, String kind) throws Exception {
        List<String> openIds = new ArrayList<>();
        send("GET", sandbox + "/sandbox/apps/" + APP_ID + "/messages", null, 200).get("messages").forEach(m -> {
            if (m.get("kind").asText().equals(kind)) {
                openIds.add(m.get("openid").asText());
            }
        });
        return openIds;
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
