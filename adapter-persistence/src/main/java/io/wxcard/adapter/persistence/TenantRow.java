package io.wxcard.adapter.persistence;

import java.time.Instant;

/**
 * One row of {@code tenants}. The credentials are stored as given (see the README: encrypting them at rest is a
 * follow-up); the API key only as its hash. The {@code toString} of a row never shows a credential.
 */
record TenantRow(
        String id,
        String name,
        String appId,
        String appSecret,
        String pushToken,
        String encodingAesKey,
        String pushMode,
        String merchantId,
        String merchantSerialNo,
        String merchantPrivateKeyPem,
        String merchantApiV3Key,
        String merchantPlatformSerial,
        String merchantPlatformPublicKeyPem,
        String apiKeyHash,
        Instant createdAt) {

    @Override
    public String toString() {
        return "TenantRow[id=" + id + ", appId=" + appId + ", credentials redacted]";
    }

    /** The columns, in the order of the components. */
    static final String COLUMNS = "id, name, app_id, app_secret, push_token, encoding_aes_key, push_mode, "
            + "merchant_id, merchant_serial_no, merchant_private_key_pem, merchant_api_v3_key, "
            + "merchant_platform_serial, merchant_platform_public_key_pem, api_key_hash, "
            + "created_at";

    /** The named parameters for {@link #COLUMNS}, for an {@code INSERT ... VALUES}. */
    static final String PARAMETERS = ":id, :name, :appId, :appSecret, :pushToken, :encodingAesKey, :pushMode, "
            + ":merchantId, :merchantSerialNo, :merchantPrivateKeyPem, :merchantApiV3Key, "
            + ":merchantPlatformSerial, :merchantPlatformPublicKeyPem, :apiKeyHash, "
            + ":createdAt";
}
