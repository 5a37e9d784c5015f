package io.wxcard.adapter.persistence;

import io.wxcard.application.port.out.store.ProcessedPushStore;
import io.wxcard.domain.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * {@link ProcessedPushStore} on the {@code processed_pushes} table. A push key is identified by its SHA-256, so keys
 * of any length fit the index; the key itself is kept (cut to 1024 characters) for people reading the table.
 */
final class JdbiProcessedPushStore implements ProcessedPushStore {

    private static final int MAX_KEY_TEXT = 1024;
    private static final String INSERT = "INSERT INTO processed_pushes (tenant_id, key_hash, push_key, received_at) "
            + "VALUES (:tenantId, :keyHash, :pushKey, :receivedAt)";

    private final Sql sql;

    JdbiProcessedPushStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean recordIfNew(TenantId tenantId, String pushKey, Instant receivedAt) {
        return sql.withHandle(() -> "recording a push", handle -> sql.insertUnlessPresent(handle, INSERT,
                () -> "recording a push", insert -> insert
                .bind("tenantId", tenantId.value())
                .bind("keyHash", sha256(pushKey))
                .bind("pushKey", pushKey.length() > MAX_KEY_TEXT ? pushKey.substring(0, MAX_KEY_TEXT) : pushKey)
                .bind("receivedAt", receivedAt)));
    }

    @Override
    public int forgetReceivedBefore(Instant cutoff) {
        return sql.withHandle(() -> "forgetting old pushes", handle -> handle
                .createUpdate("DELETE FROM processed_pushes WHERE received_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }

    static String sha256(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
