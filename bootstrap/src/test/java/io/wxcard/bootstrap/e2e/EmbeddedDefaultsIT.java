package io.wxcard.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, as a newcomer runs it: the packaged jar on its embedded defaults (an H2 file database,
 * the built-in sandbox, the demo tenant), the whole lifecycle walked over HTTP by the `demo` command, a graceful stop,
 * and a restart that finds everything where it was left.
 */
class EmbeddedDefaultsIT {

    private static final String API_KEY = "e2e-demo-key-0123456789abcdef";

    @TempDir
    Path dataDir;

    private Map<String, String> environment(int httpPort, int sandboxPort) {
        return Map.of("CARD_DATA_DIR", dataDir.toString(), "CARD_HTTP_PORT", Integer.toString(httpPort),
                "CARD_HTTP_HOST", "127.0.0.1", "CARD_SANDBOX_PORT", Integer.toString(sandboxPort),
                "CARD_DEMO_API_KEY", API_KEY);
    }

    @Test
    void runs_the_whole_lifecycle_on_embedded_defaults_and_keeps_it_across_a_restart() throws Exception {
        int httpPort = ServiceProcess.freePort();
        int sandboxPort = ServiceProcess.freePort();
        String api = "http://127.0.0.1:" + httpPort;
        String cardList;
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.SERVICE_JAR, environment(httpPort, sandboxPort))) {
            service.awaitHealthy(api + "/health/ready", Duration.ofSeconds(60));
            // Ready means the demo tenant is there too: it is prepared while the HTTP server starts, not after.
            assertThat(get(api + "/v1/cards", API_KEY).statusCode()).isEqualTo(200);
            service.awaitOutput("demo API key    " + API_KEY, Duration.ofSeconds(10));
            assertThat(service.output()).contains("demo API key    " + API_KEY).contains("http://127.0.0.1:" + sandboxPort)
                    .doesNotContain("appsecret");

            ServiceProcess.Result demo = ServiceProcess.run(Map.of(), Duration.ofMinutes(2), "demo", "--url", api,
                    "--api-key", API_KEY, "--sandbox-url", "http://127.0.0.1:" + sandboxPort);

            assertThat(demo.status()).as(demo.output()).isZero();
            assertThat(demo.output()).contains("WeChat approved the card").contains("received the card")
                    .contains("ACTIVATED").contains("WeChat shows the same totals").contains("INVALIDATED")
                    .contains("Demo done");
            cardList = get(api + "/v1/cards", API_KEY).body();
            assertThat(cardList).contains("\"DELETED\"");
            assertThat(get(api + "/metrics", null).body()).contains("wxcard_outbox_pending");
            assertThat(get(api + "/openapi.json", null).statusCode()).isEqualTo(200);

            int status = service.stop(Duration.ofSeconds(60));
            assertThat(service.output()).contains("stopped");
            assertThat(status).isIn(0, 143);
        }
        assertThat(Files.exists(dataDir.resolve("sandbox-state.json"))).isTrue();

        try (ServiceProcess again = ServiceProcess.start(ServiceProcess.SERVICE_JAR, environment(httpPort, sandboxPort))) {
            again.awaitHealthy(api + "/health/ready", Duration.ofSeconds(60));

            assertThat(get(api + "/v1/cards", API_KEY).body()).isEqualTo(cardList);
            again.stop(Duration.ofSeconds(60));
        }
    }

    @Test
    void refuses_to_start_on_a_bad_setting_and_names_it() {
        ServiceProcess.Result result = ServiceProcess.run(Map.of("CARD_HTTP_PORT", "eighty", "CARD_DATA_DIR", dataDir.toString()),
                Duration.ofSeconds(60), "serve");

        assertThat(result.status()).isNotZero();
        assertThat(result.output()).contains("CARD_HTTP_PORT must be a whole number, got eighty");
    }

    private static HttpResponse<String> get(String url, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
