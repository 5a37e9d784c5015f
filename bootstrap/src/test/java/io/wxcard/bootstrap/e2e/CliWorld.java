package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged jar on its embedded defaults (H2, the built-in sandbox as WeChat), started before each test on free
 * ports with the demo tenant's API key, stopped (SIGTERM, as an operator does) after it; with what the CLI tests do
 * against it: REST calls, the CLI run with {@code --url} and {@code --api-key}, an approved card, a member who joined
 * through the card's QR code. Register it with {@code @RegisterExtension}.
 */
final class CliWorld implements BeforeEachCallback, AfterEachCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String apiKey;
    private final Map<String, String> environment = new HashMap<>();
    private ServiceProcess service;
    /** The service's base URL, and the sandbox's. */
    String api;
    String sandbox;
    /** This test's data directory (the service's CARD_DATA_DIR), for the files it gives the CLI. */
    Path dataDir;

    /** A card this world made and WeChat approved: our id and WeChat's. */
    record Card(String id, String wechatId) {}

    interface Check {
        boolean holds() throws Exception;
    }

    CliWorld(String apiKey) {
        this.apiKey = apiKey;
    }

    /** One more setting for the service, e.g. {@code CARD_IMPORT_RATE}. */
    CliWorld with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("wxcard-cli-it");
        int httpPort = ServiceProcess.freePort();
        int sandboxPort = ServiceProcess.freePort();
        api = "http://127.0.0.1:" + httpPort;
        sandbox = "http://127.0.0.1:" + sandboxPort;
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(Map.of("CARD_DATA_DIR", dataDir.toString(), "CARD_HTTP_PORT", Integer.toString(httpPort),
                "CARD_HTTP_HOST", "127.0.0.1", "CARD_SANDBOX_PORT", Integer.toString(sandboxPort),
                "CARD_DEMO_API_KEY", apiKey));
        service = ServiceProcess.start(ServiceProcess.SERVICE_JAR, all);
        // 60 s was the set-up of each IT; a machine shared by several builds takes longer to start the jar
        service.awaitHealthy(api + "/health/ready", Duration.ofSeconds(150));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (service != null && context.getExecutionException().isEmpty()) {
                service.stop(Duration.ofSeconds(60)); // a clean stop is part of every test that passed
            }
        } finally {
            if (service != null) {
                service.close();
            }
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(CliWorld::delete);
            }
        }
    }

    /** The CLI, against this service with the tenant's key. */
    ServiceProcess.Result cli(String... arguments) {
        String[] all = Arrays.copyOf(arguments, arguments.length + 4);
        all[arguments.length] = "--url";
        all[arguments.length + 1] = api;
        all[arguments.length + 2] = "--api-key";
        all[arguments.length + 3] = apiKey;
        return ServiceProcess.run(Map.of(), Duration.ofMinutes(1), all);
    }

    /** A one-click-form card, submitted and approved by WeChat. */
    Card approvedCard() throws Exception {
        String cardId = send("POST", api + "/v1/cards", ServiceProcessCards.ONE_CLICK, 201).get("id").asText();
        String wechatCardId = send("POST", api + "/v1/cards/" + cardId + "/submit", "{}", 200)
                .get("wechat_card_id").asText();
        await("the card approved", () -> "APPROVED".equals(send("GET", api + "/v1/cards/" + cardId, null, 200)
                .get("state").asText()));
        return new Card(cardId, wechatCardId);
    }

    /** The card's one-click form asks for the member's mobile. */
    void askMobile(Card card) throws Exception {
        send("PUT", api + "/v1/cards/" + card.id() + "/activation-form", "{\"required_form\":{"
                + "\"common_field_id_list\":[\"USER_FORM_INFO_FLAG_MOBILE\"]}}", 200);
    }

    /** A member scans the card's QR code and submits the one-click form with a mobile; answers the code. */
    String member(Card card, String openId, String mobile) throws Exception {
        String ticket = send("POST", api + "/v1/cards/" + card.id() + "/qr-codes", "{}", 201).get("ticket").asText();
        String code = send("POST", sandbox + "/sandbox/qrcodes/" + ticket + "/scan", "{\"openid\":\"" + openId
                + "\"}", 200).get("code").asText();
        await("the membership received", () -> status(api + "/v1/cards/" + card.id() + "/memberships/" + code) == 200);
        send("POST", sandbox + "/sandbox/cards/" + card.wechatId() + "/codes/" + code + "/form",
                "{\"common_field_list\":[{\"name\":\"USER_FORM_INFO_FLAG_MOBILE\",\"value\":\"" + mobile + "\"}]}",
                200);
        await("the membership activated", () -> "ACTIVATED".equals(send("GET", api + "/v1/cards/" + card.id()
                + "/memberships/" + code, null, 200).get("state").asText()));
        return code;
    }

    int status(String url) throws Exception {
        return HTTP.send(request(url).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    JsonNode send(String method, String url, String body, int expected) throws Exception {
        return send(method, url, body, "application/json", expected);
    }

    JsonNode send(String method, String url, String body, String type, int expected) throws Exception {
        HttpRequest.Builder request = request(url).header("Content-Type", type)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + url + ": " + answer.body()).isEqualTo(expected);
        return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
    }

    void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)) // a first call loads classes
                .header("Authorization", "Bearer " + apiKey);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
