package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wxcard.application.port.out.wechat.WechatAccount;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.sandbox.SandboxApp;
import io.wxcard.sandbox.SandboxSettings;
import io.wxcard.sandbox.WechatSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An embedded sandbox, the accounts a test registers in it, and its control API over HTTP (what the reviewers and
 * members do, faults, the call log and stats). The merchant key is the test key pair of wechatpay-v3.json.
 */
final class SandboxFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode PAY_VECTOR = TestVectors.load("wechatpay-v3.json");

    final WechatSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One registered account, with what the adapter needs to call as it. */
    record Account(WechatAccount account, String secret, String mchid, String token, String aesKey) {
        String appId() {
            return account.appId().value();
        }
    }

    private SandboxFixture(WechatSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** A sandbox that never approves cards by itself (the control API does). */
    static SandboxFixture start() {
        return start(SandboxSettings.defaults().withoutAutoReview());
    }

    static SandboxFixture start(SandboxSettings settings) {
        return new SandboxFixture(WechatSandbox.start(settings));
    }

    String baseUrl() {
        return sandbox.baseUrl();
    }

    /** Adapter settings pointing at this sandbox, with bounds short enough for tests. */
    WechatSettings settings() {
        return WechatSettings.defaults().withBaseUrl(baseUrl()).withInstanceId("test-" + shortId());
    }

    /** A new account in plain push mode, bound to a merchant of its own. */
    Account newAccount() {
        return newAccount(null, SandboxApp.PLAIN);
    }

    Account newAccount(String callbackUrl, String mode) {
        String appId = "wx" + shortId() + shortId().substring(0, 6);
        String secret = "secret" + UUID.randomUUID().toString().replace("-", "");
        String token = "tok" + shortId();
        String aesKey = SandboxApp.SAFE.equals(mode) ? randomAesKey() : null;
        String mchid = Long.toString(1_900_000_000L + ThreadLocalRandom.current().nextLong(90_000_000L));
        sandbox.registerApp(new SandboxApp(appId, secret, token, aesKey, callbackUrl, mode, mchid,
                TestVectors.text(PAY_VECTOR, "serial_no"), TestVectors.text(PAY_VECTOR, "public_key_pem"),
                PAY_VECTOR.get("aead").get("apiv3_key").asText()));
        return new Account(new WechatAccount(new AppId(appId), Secret.of(secret)), secret, mchid, token, aesKey);
    }

    /** The account's merchant, trusting the sandbox's platform key. */
    MerchantCredentials merchant(Account account) {
        return new MerchantCredentials(account.mchid(), TestVectors.text(PAY_VECTOR, "serial_no"),
                Secret.of(TestVectors.text(PAY_VECTOR, "private_key_pem")),
                Secret.of(PAY_VECTOR.get("aead").get("apiv3_key").asText()), sandbox.platformSerial(),
                sandbox.platformPublicKeyPem());
    }

    // ---- the control API -----------------------------------------------------------------------------------------

    JsonNode control(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json");
            if (method.equals("GET")) {
                request.GET();
            } else {
                request.POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200 || json.path("errcode").asInt() != 0) {
                throw new IllegalStateException("sandbox control " + method + " " + path + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ObjectNode object() {
        return JSON.createObjectNode();
    }

    void faults(ObjectNode faults) {
        control("POST", "/sandbox/faults", faults);
    }

    void clearFaults() {
        faults(object().put("clear", true));
    }

    void expireTokens() {
        faults(object().put("expire_tokens", true));
    }

    /** The calls the sandbox received on a path, for one account. */
    List<JsonNode> calls(String path, String appId) {
        JsonNode answer = control("GET", "/sandbox/calls?limit=100000&path=" + encode(path)
                + (appId == null ? "" : "&appid=" + encode(appId)), null);
        List<JsonNode> calls = new ArrayList<>();
        answer.get("calls").forEach(call -> {
            if (call.get("path").asText().equals(path)) {
                calls.add(call);
            }
        });
        return calls;
    }

    /** How many times an account fetched an access_token from /cgi-bin/token (successful or not). */
    int tokenFetches(String appId) {
        return calls("/cgi-bin/token", appId).size();
    }

    JsonNode stats() {
        return control("GET", "/sandbox/stats", null);
    }

    JsonNode member(String cardId, String code) {
        return control("GET", "/sandbox/cards/" + cardId + "/codes/" + code, null);
    }

    @Override
    public void close() {
        sandbox.close();
    }

    static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String randomAesKey() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key).substring(0, 43);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
