package io.wxcard.application.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Wxcard-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" under the secret>}.
 * The time is signed with the body, so a receiver that rejects old times (docs/webhooks.md: five minutes) cannot be
 * fed an old delivery again.
 */
final class WebhookSignature {

    static final String HEADER = "Wxcard-Signature";

    private WebhookSignature() {}

    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", impossible);
        }
    }
}
