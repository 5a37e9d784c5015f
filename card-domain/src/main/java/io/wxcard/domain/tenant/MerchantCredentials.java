package io.wxcard.domain.tenant;

import java.util.Objects;

/**
 * A WeChat Pay merchant's v3 credentials, needed to import existing members.
 *
 * @param merchantId          {@code mchid}
 * @param serialNo            the serial of the merchant's API certificate, sent with each signed request
 * @param privateKeyPem       the merchant's RSA private key (PKCS#8 PEM)
 * @param apiV3Key            the 32-byte key that decrypts notifications
 * @param platformSerial      the serial WeChat Pay signs its answers with
 * @param platformPublicKeyPem the public key that checks WeChat Pay's answers
 */
public record MerchantCredentials(String merchantId, String serialNo, Secret privateKeyPem, Secret apiV3Key,
                                  String platformSerial, String platformPublicKeyPem) {
    public MerchantCredentials {
        Objects.requireNonNull(merchantId, "merchant id");
        Objects.requireNonNull(serialNo, "merchant serial");
        Objects.requireNonNull(privateKeyPem, "merchant private key");
        Objects.requireNonNull(apiV3Key, "APIv3 key");
        Objects.requireNonNull(platformSerial, "platform serial");
        Objects.requireNonNull(platformPublicKeyPem, "platform public key");
    }
}
