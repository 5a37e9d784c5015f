package io.wxcard.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

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

    static TenantRow read(ResultSet rs, StatementContext context) throws SQLException {
        return new TenantRow(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("app_id"),
                rs.getString("app_secret"),
                rs.getString("push_token"),
                rs.getString("encoding_aes_key"),
                rs.getString("push_mode"),
                rs.getString("merchant_id"),
                rs.getString("merchant_serial_no"),
                rs.getString("merchant_private_key_pem"),
                rs.getString("merchant_api_v3_key"),
                rs.getString("merchant_platform_serial"),
                rs.getString("merchant_platform_public_key_pem"),
                rs.getString("api_key_hash"),
                UtcInstants.read(rs, "created_at"));
    }

    /** Binds every component under its own name. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement
                .bind("id", id)
                .bind("name", name)
                .bind("appId", appId)
                .bind("appSecret", appSecret)
                .bind("pushToken", pushToken)
                .bind("encodingAesKey", encodingAesKey)
                .bind("pushMode", pushMode)
                .bind("merchantId", merchantId)
                .bind("merchantSerialNo", merchantSerialNo)
                .bind("merchantPrivateKeyPem", merchantPrivateKeyPem)
                .bind("merchantApiV3Key", merchantApiV3Key)
                .bind("merchantPlatformSerial", merchantPlatformSerial)
                .bind("merchantPlatformPublicKeyPem", merchantPlatformPublicKeyPem)
                .bind("apiKeyHash", apiKeyHash)
                .bind("createdAt", createdAt);
    }
}
