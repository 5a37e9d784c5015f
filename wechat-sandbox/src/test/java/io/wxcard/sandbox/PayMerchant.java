package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/** A merchant's own WeChat Pay v3 client, for the sandbox's tests: signed requests, verified answers (the vectors' key). */
final class PayMerchant {
    static final JsonNode VECTOR = TestVectors.load("wechatpay-v3.json");
    static final String MCHID = VECTOR.get("mchid").asText();
    static final String SERIAL = VECTOR.get("serial_no").asText();
    static final PrivateKey KEY = privateKey(VECTOR.get("private_key_pem").asText());

    private PayMerchant() {}

    static Http.Response post(Fixture f, String path, String body) {
        return post(f, path, body, System.currentTimeMillis() / 1000, SERIAL, KEY);
    }

    static Http.Response post(Fixture f, String path, String body, long timestamp, String serial, PrivateKey key) {
        String nonce = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        String message = "POST\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
        return f.http.send(HttpRequest.newBuilder(URI.create(f.sandbox.baseUrl() + path))
                .header("Authorization", authorization(nonce, sign(key, message), timestamp, serial))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Upgrades the card for WeChat Pay's member functions, which the sandbox (as WeChat Pay) requires first. */
    static void upgrade(Fixture f, String cardId) {
        Http.Response upgraded = post(f, "/v3/marketing/membercard-open/cards/" + cardId + "/upgrade",
                "{\"brand_id\":\"1001622624\",\"appid\":\"" + Fixture.APP_ID + "\"}");
        assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(204);
    }

    static Http.Response get(Fixture f, String pathAndQuery) {
        long timestamp = System.currentTimeMillis() / 1000;
        String nonce = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        String message = "GET\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n\n";
        return f.http.send(HttpRequest.newBuilder(URI.create(f.sandbox.baseUrl() + pathAndQuery))
                .header("Authorization", authorization(nonce, sign(KEY, message), timestamp, SERIAL))
                .header("Accept", "application/json").GET());
    }

    private static String authorization(String nonce, String signature, long timestamp, String serial) {
        return "WECHATPAY2-SHA256-RSA2048 mchid=\"" + MCHID + "\",nonce_str=\"" + nonce + "\",signature=\"" + signature
                + "\",timestamp=\"" + timestamp + "\",serial_no=\"" + serial + "\"";
    }

    /** What a merchant's client must check on every answer. */
    static void assertSignedByPlatform(Fixture f, Http.Response response) throws Exception {
        String timestamp = response.headers().firstValue("Wechatpay-Timestamp").orElseThrow();
        String nonce = response.headers().firstValue("Wechatpay-Nonce").orElseThrow();
        String signature = response.headers().firstValue("Wechatpay-Signature").orElseThrow();
        assertThat(response.headers().firstValue("Wechatpay-Serial")).contains(f.sandbox.platformSerial());
        PublicKey platform = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                pemBody(f.sandbox.platformPublicKeyPem())));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(platform);
        verifier.update((timestamp + "\n" + nonce + "\n" + response.body() + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).as("response signature").isTrue();
    }

    static String sign(PrivateKey key, String message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pemBody(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
