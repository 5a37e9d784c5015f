package io.wxcard.adapter.wechat;

import static io.wxcard.adapter.wechat.ProductOverSandbox.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.control.Option;
import io.wxcard.application.port.in.UpgradeCardForWechatPayUseCase.UpgradeCardCommand;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.application.testing.Fixtures;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.MembershipKey;
import io.wxcard.domain.membership.MembershipState;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5 for notifications, over HTTP: WeChat Pay rotates its platform key and signs its MEMBERCARD
 * notifications under the new serial at once; the product, configured with the old serial, believes them because
 * WeChat Pay lists the new certificate ({@code GET /v3/certificates}, under the APIv3 key), exactly as it does for
 * answers. A notification that decrypts under the APIv3 key but is signed by a key WeChat Pay never published is
 * refused, whichever serial it names.
 */
class PayNotificationRotationOverSandboxTest extends ProductOverSandboxTest {

    @Test
    void after_a_rotation_a_notification_under_the_new_serial_is_believed_and_one_signed_by_an_unpublished_key_is_not()
            throws Exception {
        try (ProductOverSandbox product = new ProductOverSandbox(sandbox)) {
            product.withPayMerchant();
            String configuredSerial = sandbox.sandbox.platformSerial();
            Card card = product.approvedCard(Fixtures.definition());
            String wechatCardId = card.wechatCardId().get().value();
            ok(product.app.upgradeCardForWechatPay().upgrade(new UpgradeCardCommand(product.tenant, card.id(),
                    new BrandId("1001622624"))));
            ok(product.app.acceptWechatPayNotification().registerCallback(product.tenant,
                    product.payNotificationUrl()));

            String newSerial = sandbox.sandbox.rotatePlatformKey(Duration.ofMinutes(10));
            assertThat(newSerial).isNotEqualToIgnoringCase(configuredSerial);
            String openid = "o" + SandboxFixture.shortId();
            String code = sandbox.control("POST", "/sandbox/cards/" + wechatCardId + "/pay-activations",
                    sandbox.object().put("openid", openid)).get("code").asText();
            awaitActivated(product, new MembershipKey(product.tenant, card.id(), new Code(code)));

            PrivateKey unpublished = stranger();
            for (String serial : new String[] {newSerial, configuredSerial, "7A3C0DEADBEEF0001"}) {
                String forgedCode = "9" + Math.abs(serial.hashCode() % 100_000_000L);
                String body = activation(wechatCardId, forgedCode, "o" + SandboxFixture.shortId());
                assertThat(post(product, body, unpublished, serial).statusCode()).as("signed by a stranger as %s",
                        serial).isEqualTo(401);
                assertThat(product.stores.memberships().find(new MembershipKey(product.tenant, card.id(),
                        new Code(forgedCode)))).isEmpty();
            }
            assertThat(product.stores.memberships().list(product.tenant, card.id(), Option.none(),
                    PageRequest.first(10)).items()).hasSize(1);
        }
    }

    private static void awaitActivated(ProductOverSandbox product, MembershipKey key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var found = product.stores.memberships().find(key);
            if (found.isDefined() && found.get().state() == MembershipState.ACTIVATED) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the notification signed under the new serial made no membership " + key);
    }

    /** A MEMBERCARD.ACTIVATE_CARD whose resource decrypts under the merchant's APIv3 key: only its signature is wrong. */
    private static String activation(String cardId, String code, String openid) throws Exception {
        ObjectNode resource = WechatJson.MAPPER.createObjectNode().put("event_type", "MEMBER_CARD_ACTIVATE")
                .put("card_id", cardId).put("code", code).put("openid", openid)
                .put("event_time", "2026-12-02T20:00:00+08:00").put("activate_scene", "PAY");
        String nonce = UUID.randomUUID().toString().substring(0, 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(TestVectors.load("wechatpay-v3.json").get("aead")
                .get("apiv3_key").asText().getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        cipher.updateAAD("membercard".getBytes(StandardCharsets.UTF_8));
        String ciphertext = Base64.getEncoder().encodeToString(cipher.doFinal(
                WechatJson.MAPPER.writeValueAsBytes(resource)));
        ObjectNode body = WechatJson.MAPPER.createObjectNode().put("id", "EV-" + UUID.randomUUID())
                .put("create_time", "2026-12-02T20:00:00+08:00").put("event_type", "MEMBERCARD.ACTIVATE_CARD")
                .put("resource_type", "encrypt-resource");
        body.putObject("resource").put("algorithm", "AEAD_AES_256_GCM").put("associated_data", "membercard")
                .put("nonce", nonce).put("ciphertext", ciphertext).put("original_type", "membercard");
        return WechatJson.MAPPER.writeValueAsString(body);
    }

    private static HttpResponse<String> post(ProductOverSandbox product, String body, PrivateKey key, String serial)
            throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = PaySignatures.nonce();
        String signature = PaySignatures.sign(key, new String(PaySignatures.responseMessage(timestamp, nonce,
                body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(product.payNotificationUrl())
                .header("Content-Type", "application/json").header("Wechatpay-Timestamp", timestamp)
                .header("Wechatpay-Nonce", nonce).header("Wechatpay-Serial", serial)
                .header("Wechatpay-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static PrivateKey stranger() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }
}
