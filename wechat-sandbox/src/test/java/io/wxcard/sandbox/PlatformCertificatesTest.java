package io.wxcard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v3/certificates} and the platform key rotation, checked like a merchant's v3 client does: signed
 * request, answer verified with the certificate named by Wechatpay-Serial, certificates decrypted with the APIv3 key.
 */
class PlatformCertificatesTest {
    private static final JsonNode VECTOR = TestVectors.load("wechatpay-v3.json");
    private static final String MCHID = VECTOR.get("mchid").asText();
    private static final String SERIAL = VECTOR.get("serial_no").asText();
    private static final PrivateKey MERCHANT_KEY = privateKey(VECTOR.get("private_key_pem").asText());
    private static final String API_V3_KEY = "0123456789abcdefghijABCDEFGHIJ+/";

    private static Fixture start(String apiV3Key) {
        return Fixture.start(SandboxSettings.defaults().withoutAutoReview(), SandboxApp.plain(Fixture.APP_ID,
                Fixture.SECRET, Fixture.TOKEN, null).withMerchant(MCHID, SERIAL, VECTOR.get("public_key_pem").asText())
                .withApiV3Key(apiV3Key));
    }

    @Test
    void lists_the_platform_certificate_encrypted_with_the_apiv3_key_and_signs_the_answer_with_it() throws Exception {
        try (Fixture f = start(API_V3_KEY)) {
            Http.Response answer = getCertificates(f);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode data = answer.json().get("data");
            assertThat(data).hasSize(1);
            JsonNode row = data.get(0);
            assertThat(row.get("serial_no").asText()).isEqualTo(f.sandbox.platformSerial()).matches("[0-9A-F]{40}");
            assertThat(row.get("effective_time").asText()).endsWith("+08:00");
            assertThat(OffsetDateTime.parse(row.get("expire_time").asText()))
                    .isAfter(OffsetDateTime.parse(row.get("effective_time").asText()).plusYears(4));
            JsonNode encrypted = row.get("encrypt_certificate");
            assertThat(encrypted.get("algorithm").asText()).isEqualTo("AEAD_AES_256_GCM");
            assertThat(encrypted.get("associated_data").asText()).isEqualTo("certificate");
            assertThat(encrypted.get("nonce").asText()).hasSize(12);

            X509Certificate certificate = decrypt(encrypted);
            assertThat(certificate.getSerialNumber()).isEqualTo(new BigInteger(row.get("serial_no").asText(), 16));
            certificate.checkValidity();
            certificate.verify(certificate.getPublicKey()); // self-signed
            assertThat(Base64.getEncoder().encodeToString(certificate.getPublicKey().getEncoded()))
                    .isEqualTo(pemBase64(f.sandbox.platformPublicKeyPem()));
            assertSignedBy(answer, List.of(certificate));
        }
    }

    @Test
    void a_rotation_signs_with_the_new_key_and_lists_both_until_the_overlap_ends() throws Exception {
        try (Fixture f = start(API_V3_KEY)) {
            String oldSerial = f.sandbox.platformSerial();
            Http.Response rotated = f.control("/sandbox/platform-certificate/rotate", "{\"overlap_s\":2}");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String newSerial = rotated.json().get("serial_no").asText();
            assertThat(newSerial).isNotEqualTo(oldSerial).isEqualTo(f.sandbox.platformSerial());
            assertThat(rotated.json().get("previous_serial_no").asText()).isEqualTo(oldSerial);
            assertThat(rotated.json().get("certificates")).hasSize(2);

            Http.Response both = getCertificates(f);
            JsonNode data = both.json().get("data");
            assertThat(data).extracting(r -> r.get("serial_no").asText()).containsExactly(newSerial, oldSerial);
            List<X509Certificate> certificates = List.of(decrypt(data.get(0).get("encrypt_certificate")),
                    decrypt(data.get(1).get("encrypt_certificate")));
            assertThat(both.headers().firstValue("Wechatpay-Serial")).contains(newSerial);
            assertSignedBy(both, certificates);
            // the old certificate's expire_time is moved to the end of the overlap, as WeChat does
            assertThat(OffsetDateTime.parse(data.get(1).get("expire_time").asText()))
                    .isBefore(OffsetDateTime.now().plusSeconds(5));

            // the import, like every v3 answer, is signed with the new key too
            Http.Response refusal = f.http.post("/v3/marketing/membercard-open/cards/pAny/users/import", "{}");
            assertThat(refusal.headers().firstValue("Wechatpay-Serial")).contains(newSerial);

            Thread.sleep(2_100);
            assertThat(getCertificates(f).json().get("data")).extracting(r -> r.get("serial_no").asText())
                    .containsExactly(newSerial);
            assertThat(f.sandbox.rotatePlatformKey(Duration.ZERO)).isNotEqualTo(newSerial);
            assertThat(getCertificates(f).json().get("data")).hasSize(1);
        }
    }

    @Test
    void without_an_apiv3_key_the_certificates_are_refused_and_a_bad_key_is_refused_at_registration() {
        try (Fixture f = start(null)) {
            Http.Response answer = getCertificates(f);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(answer.body()).contains("api_v3_key");
            Http.Response bad = f.control("/sandbox/apps", "{\"appid\":\"wxother\",\"secret\":\"s\",\"api_v3_key\":\"short\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("32 bytes").doesNotContain("short");
            assertThat(f.http.get("/v3/certificates").status()).isEqualTo(401); // unsigned
        }
    }

    private static Http.Response getCertificates(Fixture f) {
        String nonce = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        long timestamp = System.currentTimeMillis() / 1000;
        String message = "GET\n/v3/certificates\n" + timestamp + "\n" + nonce + "\n\n";
        String authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + MCHID + "\",nonce_str=\"" + nonce
                + "\",signature=\"" + sign(message) + "\",timestamp=\"" + timestamp + "\",serial_no=\"" + SERIAL + "\"";
        return f.http.send(HttpRequest.newBuilder(URI.create(f.sandbox.baseUrl() + "/v3/certificates"))
                .header("Authorization", authorization).header("Accept", "application/json").GET());
    }

    private static X509Certificate decrypt(JsonNode encrypted) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(API_V3_KEY.getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, encrypted.get("nonce").asText().getBytes(StandardCharsets.UTF_8)));
        cipher.updateAAD(encrypted.get("associated_data").asText().getBytes(StandardCharsets.UTF_8));
        byte[] pem = cipher.doFinal(Base64.getDecoder().decode(encrypted.get("ciphertext").asText()));
        assertThat(new String(pem, StandardCharsets.UTF_8)).startsWith("-----BEGIN CERTIFICATE-----");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
    }

    /** Verifies the answer with the certificate whose serial the answer names, as a merchant's client does. */
    private static void assertSignedBy(Http.Response answer, List<X509Certificate> known) throws Exception {
        String serial = answer.headers().firstValue("Wechatpay-Serial").orElseThrow();
        X509Certificate named = known.stream()
                .filter(c -> c.getSerialNumber().equals(new BigInteger(serial, 16))).findFirst().orElseThrow();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(named.getPublicKey());
        verifier.update((answer.headers().firstValue("Wechatpay-Timestamp").orElseThrow() + "\n"
                + answer.headers().firstValue("Wechatpay-Nonce").orElseThrow() + "\n" + answer.body() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(answer.headers().firstValue("Wechatpay-Signature")
                .orElseThrow()))).as("answer signature").isTrue();
    }

    private static String sign(String message) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(MERCHANT_KEY);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(pemBase64(pem))));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pemBase64(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
