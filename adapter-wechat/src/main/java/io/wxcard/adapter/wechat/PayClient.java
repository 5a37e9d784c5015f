package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import io.vavr.control.Option;
import io.wxcard.adapter.wechat.WechatCallException.Repeat;
import io.wxcard.application.port.out.Clock;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Signed WeChat Pay v3 calls: each attempt is signed afresh (new timestamp and nonce) over the exact path, query and
 * body sent, retried by {@link Retries} under the endpoint's {@link RepeatSafe}, and its answer checked before anything
 * reads it. An answer that could count as success (2xx) must verify with a platform key the {@link PlatformKeys}
 * trust for its {@code Wechatpay-Serial}; a signed error must verify too; an unsigned error (a gateway's page) is only
 * a clean error by HTTP status. Untrusted answers are {@link Kind#UNTRUSTED_ANSWER}, never retried.
 */
final class PayClient {
    static final int MAX_ANSWER_BYTES = 1024 * 1024;
    static final String PUBLIC_KEY_ID_PREFIX = "PUB_KEY_ID_";

    /** The merchant with its parsed keys. */
    record Merchant(MerchantCredentials credentials, PrivateKey privateKey, PublicKey configuredPlatformKey) {
        String configuredSerial() {
            return credentials.platformSerial();
        }

        /** Public-key mode: the configured key is a WeChat Pay public key ({@code PUB_KEY_ID_...}), not a certificate. */
        boolean publicKeyMode() {
            return configuredSerial().startsWith(PUBLIC_KEY_ID_PREFIX);
        }

        /** What the request's {@code Wechatpay-Serial} header carries: the public key's id, or nothing. */
        String requestSerial() {
            return publicKeyMode() ? configuredSerial() : null;
        }
    }

    /** An answer as received: status, signature headers, raw bytes. */
    record Raw(int status, Option<PaySignatures.Signed> signed, boolean signaturePresent, byte[] body) {
        JsonNode json() {
            try {
                JsonNode node = WechatJson.MAPPER.readTree(body);
                return node != null && node.isObject() ? node : null;
            } catch (IOException e) {
                return null; // an HTML error page from a gateway, say
            }
        }
    }

    /** A verified answer that is WeChat Pay's error JSON: its {@code code} and {@code message}. */
    record PayError(int status, String code, String message) {}

    /** Sends one attempt with the Authorization and request-serial headers. */
    interface Send {
        Response send(String authorization, String wechatpaySerial);
    }

    private final Retries retries;
    private final Clock clock;
    private final String basePath;
    private final ConcurrentMap<MerchantCredentials, Merchant> merchants = new ConcurrentHashMap<>();

    PayClient(Retries retries, Clock clock, WechatSettings settings) {
        this.retries = retries;
        this.clock = clock;
        String path = URI.create(settings.payApiBaseUrl()).getRawPath();
        this.basePath = path == null ? "" : path;
    }

    /** The merchant's parsed keys; IllegalArgumentException names the key that is not usable. */
    Merchant merchant(MerchantCredentials credentials) {
        return merchants.computeIfAbsent(credentials, m -> new Merchant(m,
                PaySignatures.privateKey(m.privateKeyPem().reveal()), PaySignatures.publicKey(m.platformPublicKeyPem())));
    }

    /**
     * One call, retried as its endpoint allows; {@code read} turns a verified answer into the result (or throws a
     * {@link WechatCallException}). {@code pathAndQuery} is what Feign sends, below the base URL. {@code trustedKeys}
     * null: {@code read} checks the signature itself (the certificate list, whose keys are in the answer).
     */
    <T> T call(Method endpoint, Merchant merchant, String method, String pathAndQuery, byte[] body,
               Function<String, Option<PublicKey>> trustedKeys, Send send, Function<Raw, T> read) {
        return retries.run(endpoint, null, () -> {
            Raw raw = send(merchant, method, pathAndQuery, body, send);
            if (trustedKeys != null && (raw.status() / 100 == 2 || raw.signaturePresent())) {
                Option<String> distrust = PaySignatures.distrust(raw.signed(), raw.body(), trustedKeys, clock.now());
                if (distrust.isDefined()) {
                    throw untrusted(raw.status(), distrust.get());
                }
            }
            return read.apply(raw);
        });
    }

    /** One signed attempt, its answer read but not checked. */
    Raw send(Merchant merchant, String method, String pathAndQuery, byte[] body, Send send) {
        String timestamp = Long.toString(clock.now().getEpochSecond());
        String nonce = PaySignatures.nonce();
        String signature = PaySignatures.sign(merchant.privateKey(), PaySignatures.requestMessage(method,
                basePath + pathAndQuery, timestamp, nonce, new String(body, StandardCharsets.UTF_8)));
        String authorization = PaySignatures.authorization(merchant.credentials().merchantId(), nonce, signature,
                timestamp, merchant.credentials().serialNo());
        try (Response response = send.send(authorization, merchant.requestSerial())) {
            return new Raw(response.status(), PaySignatures.Signed.from(response.headers()),
                    PaySignatures.Signed.anyPresent(response.headers()), read(response));
        } catch (IOException e) {
            throw new WechatCallException(new WechatError(Kind.TRANSIENT, "network",
                    "the connection failed while reading WeChat Pay's answer"), Repeat.MAYBE_APPLIED);
        }
    }

    /** A verified non-2xx answer as WeChat Pay's error, or a clean error by HTTP status when it carries none. */
    static PayError error(Raw raw) {
        JsonNode json = raw.json();
        String code = text(json, "code");
        if (code == null) {
            throw new WechatCallException(new WechatError(ErrorCodes.ofHttpStatus(raw.status()), "http_" + raw.status(),
                    "WeChat Pay answered HTTP " + raw.status() + " without its JSON error"),
                    raw.status() >= 500 ? Repeat.MAYBE_APPLIED : Repeat.NEVER);
        }
        return new PayError(raw.status(), code, Option.of(text(json, "message")).getOrElse("(no message)"));
    }

    /** WeChat Pay's error as the port's error, retried only when WeChat Pay says it may be. */
    static WechatCallException thrown(PayError error) {
        Kind kind = ErrorCodes.ofPayError(error.status(), error.code(), error.message());
        return new WechatCallException(new WechatError(kind, error.code(), error.message()),
                kind == Kind.TRANSIENT ? Repeat.MAYBE_APPLIED : Repeat.NEVER);
    }

    static WechatCallException untrusted(int status, String why) {
        return new WechatCallException(new WechatError(Kind.UNTRUSTED_ANSWER, "untrusted_answer",
                "WeChat Pay's answer (HTTP " + status + ") was refused: " + why), Repeat.NEVER);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty() ? null
                : value.asText();
    }

    static Method endpoint(String name) {
        return Arrays.stream(PayApi.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("PayApi has no method " + name));
    }

    private static byte[] read(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new IOException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
