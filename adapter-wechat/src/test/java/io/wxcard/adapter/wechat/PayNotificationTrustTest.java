package io.wxcard.adapter.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.Secret;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link WechatPayNotifications#verify} trusts only the platform serial the merchant configured, with its key: never a
 * key a notification brings or names (issue 20 item 2). A notification signed by another key is refused whichever
 * serial it names.
 */
class PayNotificationTrustTest {

    private static final JsonNode V = TestVectors.load("wechatpay-v3.json");
    private static final String CONFIGURED_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    private static final PrivateKey PLATFORM_KEY = PaySignatures.privateKey(TestVectors.text(V, "private_key_pem"));
    private static final String BODY = "{\"id\":\"EV-2026120215000000001\",\"event_type\":\"MEMBERCARD.ACTIVATE_CARD\"}";

    private static MerchantCredentials merchant() {
        return new MerchantCredentials(TestVectors.text(V, "mchid"), TestVectors.text(V, "serial_no"),
                Secret.of(TestVectors.text(V, "private_key_pem")), Secret.of(V.get("aead").get("apiv3_key").asText()),
                CONFIGURED_SERIAL, TestVectors.text(V, "public_key_pem"));
    }

    private static Map<String, List<String>> signedBy(PrivateKey key, String serial) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = PaySignatures.nonce();
        String signature = PaySignatures.sign(key, new String(PaySignatures.responseMessage(timestamp, nonce,
                BODY.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        return Map.of("wechatpay-timestamp", List.of(timestamp), "wechatpay-nonce", List.of(nonce),
                "wechatpay-signature", List.of(signature), "wechatpay-serial", List.of(serial));
    }

    private static KeyPair anotherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void a_notification_signed_with_the_configured_serials_key_is_trusted() {
        assertThat(WechatPayNotifications.verify(merchant(), signedBy(PLATFORM_KEY, CONFIGURED_SERIAL),
                BODY.getBytes(StandardCharsets.UTF_8), Instant.now()).isRight()).isTrue();
    }

    @Test
    void a_notification_signed_by_another_key_under_another_serial_is_refused() throws Exception {
        KeyPair stranger = anotherKey();

        var verdict = WechatPayNotifications.verify(merchant(), signedBy(stranger.getPrivate(), "7A3C0DEADBEEF0001"),
                BODY.getBytes(StandardCharsets.UTF_8), Instant.now());

        assertThat(verdict.getLeft().kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
        assertThat(verdict.getLeft().message()).contains("7A3C0DEADBEEF0001");
    }

    @Test
    void a_notification_signed_by_another_key_naming_the_configured_serial_is_refused() throws Exception {
        KeyPair impostor = anotherKey();

        var verdict = WechatPayNotifications.verify(merchant(), signedBy(impostor.getPrivate(), CONFIGURED_SERIAL),
                BODY.getBytes(StandardCharsets.UTF_8), Instant.now());

        assertThat(verdict.getLeft().kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
    }

    @Test
    void a_notification_signed_with_the_platform_key_but_naming_another_serial_is_refused() {
        var verdict = WechatPayNotifications.verify(merchant(), signedBy(PLATFORM_KEY, "OTHERSERIAL0001"),
                BODY.getBytes(StandardCharsets.UTF_8), Instant.now());

        assertThat(verdict.getLeft().kind()).isEqualTo(Kind.UNTRUSTED_ANSWER);
    }
}
