package io.wxcard.adapter.wechat;

import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * WeChat Pay API v3 signatures (wechat-api.md, section 6). Requests: SHA256withRSA over
 * {@code METHOD\nPATH[?QUERY]\nTIMESTAMP\nNONCE\nBODY\n} with the merchant's key, sent as
 * {@code Authorization: WECHATPAY2-SHA256-RSA2048 mchid="..",nonce_str="..",signature="..",timestamp="..",serial_no=".."}.
 * Answers and notifications: {@code TIMESTAMP\nNONCE\nBODY\n} over the raw bytes, checked with the platform key the
 * {@code Wechatpay-Serial} names.
 */
final class PaySignatures {
    static final String SCHEME = "WECHATPAY2-SHA256-RSA2048";
    /** WeChat Pay's own limit, applied to its answers too. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final String SIGNTEST_PREFIX = "WECHATPAY/SIGNTEST/";
    private static final char[] NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PaySignatures() {}

    static String requestMessage(String method, String pathAndQuery, String timestamp, String nonce, String body) {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
    }

    static String authorization(String mchid, String nonce, String signature, String timestamp, String serialNo) {
        return SCHEME + " mchid=\"" + mchid + "\",nonce_str=\"" + nonce + "\",signature=\"" + signature
                + "\",timestamp=\"" + timestamp + "\",serial_no=\"" + serialNo + "\"";
    }

    static String sign(PrivateKey key, String message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA signing failed", e);
        }
    }

    static String nonce() {
        char[] nonce = new char[32];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = NONCE_ALPHABET[RANDOM.nextInt(NONCE_ALPHABET.length)];
        }
        return new String(nonce);
    }

    /** The headers that sign an answer or a notification. */
    record Signed(String timestamp, String nonce, String signature, String serial) {
        static Option<Signed> from(Map<String, ? extends Collection<String>> headers) {
            String timestamp = header(headers, "Wechatpay-Timestamp");
            String nonce = header(headers, "Wechatpay-Nonce");
            String signature = header(headers, "Wechatpay-Signature");
            String serial = header(headers, "Wechatpay-Serial");
            return timestamp == null || nonce == null || signature == null || serial == null ? Option.none()
                    : Option.of(new Signed(timestamp, nonce, signature, serial));
        }

        static boolean anyPresent(Map<String, ? extends Collection<String>> headers) {
            return header(headers, "Wechatpay-Signature") != null || header(headers, "Wechatpay-Serial") != null;
        }
    }

    /**
     * Why an answer (or notification) cannot be trusted; none when its signature, serial and timestamp hold. Refuses
     * a missing signature, the {@code WECHATPAY/SIGNTEST/} probes WeChat sends on purpose, a serial {@code keys}
     * does not know, a timestamp more than 5 minutes away, and a signature that does not match the raw bytes.
     */
    static Option<String> distrust(Option<Signed> signed, byte[] body, Function<String, Option<PublicKey>> keys,
                                   Instant now) {
        if (signed.isEmpty()) {
            return Option.of("the answer carries no Wechatpay-Signature, Wechatpay-Serial, Wechatpay-Timestamp and "
                    + "Wechatpay-Nonce");
        }
        Signed s = signed.get();
        if (s.signature().startsWith(SIGNTEST_PREFIX)) {
            return Option.of("the answer is one of WeChat Pay's deliberately wrong signature probes ("
                    + SIGNTEST_PREFIX + ")");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(s.timestamp().trim());
        } catch (NumberFormatException e) {
            return Option.of("the answer's Wechatpay-Timestamp is not a number");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > MAX_CLOCK_SKEW.toSeconds()) {
            return Option.of("the answer's Wechatpay-Timestamp is more than 5 minutes away from now");
        }
        Option<PublicKey> platformKey = keys.apply(s.serial());
        if (platformKey.isEmpty()) {
            return Option.of("the answer is signed with the unknown platform serial " + s.serial());
        }
        if (!verify(platformKey.get(), responseMessage(s.timestamp(), s.nonce(), body), s.signature())) {
            return Option.of("the answer's signature does not match its body and the platform key");
        }
        return Option.none();
    }

    static byte[] responseMessage(String timestamp, String nonce, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        out.writeBytes((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.write('\n');
        return out.toByteArray();
    }

    static boolean verify(PublicKey key, byte[] message, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64.trim()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** A PKCS#8 ({@code BEGIN PRIVATE KEY}) RSA key. */
    static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the merchant private key is not a PKCS#8 RSA key PEM (BEGIN PRIVATE KEY)");
        }
    }

    /** A {@code BEGIN PUBLIC KEY} or {@code BEGIN CERTIFICATE} PEM. */
    static PublicKey publicKey(String pem) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(pem)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the platform public key is not an RSA public key or certificate PEM");
        }
    }

    private static byte[] pemBody(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    private static String header(Map<String, ? extends Collection<String>> headers, String name) {
        for (Map.Entry<String, ? extends Collection<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null
                    && !entry.getValue().isEmpty()) {
                String value = entry.getValue().iterator().next();
                return value == null || value.isBlank() ? null : value.trim();
            }
        }
        return null;
    }
}
