package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
import io.wxcard.domain.tenant.MerchantCredentials;
import io.wxcard.domain.tenant.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay v3 notifications, for whoever receives them: check the signature headers first, then decrypt the
 * {@code resource}. Failures are {@link Kind#UNTRUSTED_ANSWER} and never say more than what was wrong.
 */
public final class WechatPayNotifications {

    private WechatPayNotifications() {}

    /**
     * Checks a notification as it arrived: the {@code Wechatpay-*} headers against the raw body, with the platform
     * key and serial of the merchant's credentials only (no download, for whoever has no adapter); refuses probes ({@code WECHATPAY/SIGNTEST/}), unknown serials
     * and timestamps more than 5 minutes from {@code now}.
     */
    public static Either<WechatError, Done> verify(MerchantCredentials merchant,
                                                   Map<String, ? extends Collection<String>> headers, byte[] body,
                                                   Instant now) {
        PublicKey platformKey;
        try {
            platformKey = PaySignatures.publicKey(merchant.platformPublicKeyPem());
        } catch (IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.CLIENT_ERROR, "invalid_platform_key", e.getMessage()));
        }
        return verify(headers, body,
                serial -> serial.equalsIgnoreCase(merchant.platformSerial()) ? Option.of(platformKey) : Option.none(),
                now);
    }

    /**
     * The same check with the keys {@code trusted} names by serial: the adapter passes the platform keys it trusts
     * for answers ({@link PlatformKeys#trustedForNotifications}), so notifications follow a rotation as answers do.
     */
    static Either<WechatError, Done> verify(Map<String, ? extends Collection<String>> headers, byte[] body,
                                            Function<String, Option<PublicKey>> trusted, Instant now) {
        Option<String> distrust = PaySignatures.distrust(PaySignatures.Signed.from(headers), body, trusted, now);
        return distrust.isDefined()
                ? Either.left(new WechatError(Kind.UNTRUSTED_ANSWER, "untrusted_notification", distrust.get()))
                : Either.right(Done.DONE);
    }

    /**
     * Decrypts a notification's {@code resource} (AEAD_AES_256_GCM): the APIv3 key, the 12-byte {@code nonce}, the
     * {@code associated_data}, and the Base64 {@code ciphertext} with its 16-byte tag appended.
     */
    public static Either<WechatError, String> decryptResource(Secret apiV3Key, String associatedData, String nonce,
                                                              String ciphertext) {
        byte[] key = apiV3Key.reveal().getBytes(StandardCharsets.UTF_8);
        if (key.length != 32) {
            return Either.left(new WechatError(Kind.CLIENT_ERROR, "invalid_apiv3_key", "the APIv3 key must be 32 bytes"));
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            if (associatedData != null && !associatedData.isEmpty()) {
                cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            }
            byte[] plain = cipher.doFinal(Base64.getDecoder().decode(ciphertext));
            return Either.right(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.UNTRUSTED_ANSWER, "undecryptable_resource",
                    "the resource does not decrypt with this APIv3 key, nonce and associated data"));
        }
    }
}
