package io.wxcard.examples.teahouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wxcard.sandbox.SandboxApp;
import io.wxcard.sandbox.SandboxSettings;
import io.wxcard.sandbox.WechatSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The offline twin of WeChat the examples' tests run against, over real HTTP, with one official account whose
 * secrets are made fresh for the run; and the little HTTP the tests need (the sandbox's control API, the
 * application's own endpoints).
 */
final class SandboxWechat implements AutoCloseable {

    static final String APP_ID = "wxteahouse00000001";
    final String appSecret = randomHex(16);
    final String pushToken = randomHex(8);
    final String aesKey = aesKey();
    final WechatSandbox sandbox = WechatSandbox.start(SandboxSettings.defaults().withReviewDelay(Duration.ofMillis(200)));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** The tea house's account, pushing (in safe mode) to the application listening on {@code port}. */
    void registerTeaHouse(int port) {
        sandbox.registerApp(SandboxApp.safe(APP_ID, appSecret, pushToken, aesKey,
                "http://127.0.0.1:" + port + "/wechat/teahouse/events"));
    }

    JsonNode post(String url, Map<String, ?> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException("POST " + url + " failed", failed);
        }
    }

    JsonNode get(String url) {
        try {
            return json.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException("GET " + url + " failed", failed);
        }
    }

    /** Polls {@code probe} until {@code done} holds (WeChat's pushes and the outbox are asynchronous), for 30 s. */
    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
            last = probe.get();
        }
        return last;
    }

    @Override
    public void close() {
        sandbox.close();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** WeChat's EncodingAESKey: 32 random bytes in Base64 without padding (43 characters). */
    private static String aesKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().withoutPadding().encodeToString(key);
    }
}
