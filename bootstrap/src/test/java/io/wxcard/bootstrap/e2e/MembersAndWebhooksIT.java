package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 on the packaged jar: a webhook receiver on loopback gets every event of the demo lifecycle, signed and in
 * order; stopped while a one-click member joins and restarted, it gets what it missed, nothing twice; the change feed
 * answers the same events; the member is found by phone through REST and the CLI.
 */
class MembersAndWebhooksIT {

    private static final String API_KEY = "e2e-members-key-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @Test
    void webhooks_tell_the_whole_lifecycle_and_a_one_click_member_is_found_by_phone() throws Exception {
        int httpPort = ServiceProcess.freePort();
        int sandboxPort = ServiceProcess.freePort();
        int receiverPort = ServiceProcess.freePort();
        String api = "http://127.0.0.1:" + httpPort;
        String sandbox = "http://127.0.0.1:" + sandboxPort;
        Map<String, String> environment = Map.of("CARD_DATA_DIR", dataDir.toString(), "CARD_HTTP_PORT",
                Integer.toString(httpPort), "CARD_HTTP_HOST", "127.0.0.1", "CARD_SANDBOX_PORT",
                Integer.toString(sandboxPort), "CARD_DEMO_API_KEY", API_KEY);
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.SERVICE_JAR, environment)) {
            service.awaitHealthy(api + "/health/ready", Duration.ofSeconds(60));
            startReceiver(receiverPort);
            JsonNode hook = send("POST", api + "/v1/webhooks", "{\"url\":\"http://127.0.0.1:" + receiverPort
                    + "/erp/hooks\"}", 201);
            String secret = hook.get("secret").asText();

            ServiceProcess.Result demo = ServiceProcess.run(Map.of(), Duration.ofMinutes(2), "demo", "--url", api,
                    "--api-key", API_KEY, "--sandbox-url", sandbox);
            assertThat(demo.status()).as(demo.output()).isZero();
            List<JsonNode> demoEvents = feed(api);
            awaitTrue("the demo's events posted", () -> received.size() >= demoEvents.size());
            assertThat(typesOf(received)).containsAll(List.of("card.approved", "membership.issued",
                    "membership.activated", "membership.points_changed", "membership.balance_changed",
                    "membership.invalidated", "card.deleted"));

            receiver.stop(0);
            int beforeOutage = received.size();
            String code = oneClickMember(api, sandbox);
            JsonNode found = await("the form's answers pulled from WeChat", () -> {
                JsonNode answer = send("GET", api + "/v1/members?phone=%2B86%20139%200013%209000", null, 200);
                return answer.get("items").size() == 1 ? answer : null;
            });
            assertThat(found.at("/items/0/code").asText()).isEqualTo(code);
            assertThat(found.at("/items/0/phone").asText()).isEqualTo("139****9000");
            assertThat(found.at("/items/0/state").asText()).isEqualTo("ACTIVATED");
            ServiceProcess.Result cli = ServiceProcess.run(Map.of(), Duration.ofMinutes(1), "members", "find",
                    "--phone", "13900139000", "--url", api, "--api-key", API_KEY);
            assertThat(cli.status()).as(cli.output()).isZero();
            assertThat(cli.output()).contains(code).contains("139****9000").doesNotContain("13900139000 ");
            Thread.sleep(3_000); // the posts of the new events fail meanwhile, and back off
            assertThat(received).hasSize(beforeOutage);

            startReceiver(receiverPort);
            List<JsonNode> all = feed(api);
            awaitTrue("everything missed posted after the restart", () -> received.size() >= all.size());
            Thread.sleep(1_000);

            List<String> ids = received.stream().map(r -> r.get("id")).toList();
            assertThat(ids).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(all.stream().map(e -> e.get("id").asText()).toList());
            for (Map<String, String> post : received) {
                assertThat(verify(secret, post.get("signature"), post.get("body"))).as(post.get("body")).isTrue();
                assertThat(post.get("body")).contains("\"id\":\"" + post.get("id") + "\"");
            }
            for (String key : all.stream().map(MembersAndWebhooksIT::orderKey).distinct().toList()) {
                List<String> fed = all.stream().filter(e -> orderKey(e).equals(key)).map(e -> e.get("id").asText())
                        .toList();
                List<String> posted = received.stream().filter(r -> orderKey(parse(r.get("body"))).equals(key))
                        .map(r -> r.get("id")).toList();
                assertThat(posted).as("in order for " + key).isEqualTo(fed);
            }
            service.stop(Duration.ofSeconds(60));
        } finally {
            if (receiver != null) {
                receiver.stop(0);
            }
        }
    }

    /** A member of a one-click card submits the form with their mobile; answers the code. */
    private String oneClickMember(String api, String sandbox) throws Exception {
        String card = ServiceProcessCards.ONE_CLICK;
        String cardId = send("POST", api + "/v1/cards", card, 201).get("id").asText();
        String wechatCardId = send("POST", api + "/v1/cards/" + cardId + "/submit", "{}", 200)
                .get("wechat_card_id").asText();
        await("the card approved", () -> "APPROVED".equals(send("GET", api + "/v1/cards/" + cardId, null, 200)
                .get("state").asText()) ? true : null);
        send("PUT", api + "/v1/cards/" + cardId + "/activation-form", "{\"required_form\":{\"common_field_id_list\":"
                + "[\"USER_FORM_INFO_FLAG_MOBILE\"]}}", 200);
        String ticket = send("POST", api + "/v1/cards/" + cardId + "/qr-codes", "{}", 201).get("ticket").asText();
        String code = send("POST", sandbox + "/sandbox/qrcodes/" + ticket + "/scan", "{\"openid\":\"oFormMember\"}",
                200).get("code").asText();
        await("the membership received", () -> status(api + "/v1/cards/" + cardId + "/memberships/" + code) == 200
                ? true : null);
        send("POST", sandbox + "/sandbox/cards/" + wechatCardId + "/codes/" + code + "/form",
                "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\",\"value\":\"139 0013 9000\"}]}", 200);
        return code;
    }

    private void startReceiver(int port) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        receiver.createContext("/erp/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("id", exchange.getRequestHeaders().getFirst("Wxcard-Event-Id"),
                    "signature", exchange.getRequestHeaders().getFirst("Wxcard-Signature"), "body", body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    private static List<JsonNode> feed(String api) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = send("GET", api + "/v1/events?after=" + after + "&limit=2", null, 200);
            if (page.get("events").isEmpty()) {
                return events;
            }
            page.get("events").forEach(item -> events.add(item.get("event")));
            after = page.get("next").asLong();
        }
    }

    private static String orderKey(JsonNode event) {
        return event.has("code") ? event.get("card_id").asText() + "/" + event.get("code").asText()
                : event.path("card_id").asText(event.path("import_id").asText());
    }

    private static List<String> typesOf(List<Map<String, String>> posts) {
        return posts.stream().map(p -> parse(p.get("body")).get("type").asText()).toList();
    }

    /** The receiver's check, as docs/webhooks.md shows it. */
    private static boolean verify(String secret, String header, String body) throws Exception {
        String t = header.substring(header.indexOf("t=") + 2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8))).equals(v1);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception corrupt) {
            throw new IllegalStateException(corrupt);
        }
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

    private interface Check<T> {
        T get() throws Exception;
    }

    private static <T> T await(String what, Check<T> check) throws Exception {
        return awaitValue(what, check);
    }

    private static <T> T awaitValue(String what, Check<T> check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            T value = check.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier check) throws Exception {
        awaitValue(what, () -> check.getAsBoolean() ? true : null);
    }
}
