package io.wxcard.adapter.persistence;

import io.vavr.control.Option;
import io.wxcard.application.port.out.store.SharedTokenStore;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link SharedTokenStore} on the {@code shared_tokens} table, one row per account and kind. Every change is one
 * conditional {@code UPDATE} whose row count says whether it happened: concurrent writers of the row wait for each
 * other and each re-checks the condition on the row the other committed, so exactly one of many takes a free lease.
 * Tokens are stored as given (see the README on encryption at rest).
 */
final class JdbiSharedTokenStore implements SharedTokenStore {

    private static final String OF_KEY = "app_id = :appId AND kind = :kind";

    private final Sql sql;

    JdbiSharedTokenStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Option<SharedToken> read(TokenKey key) {
        return sql.withHandle(() -> "reading a shared token", handle -> Option.ofOptional(handle
                .createQuery("SELECT token_value, expires_at FROM shared_tokens WHERE " + OF_KEY
                        + " AND token_value IS NOT NULL")
                .bind("appId", key.appId())
                .bind("kind", key.kind().name())
                .map((rs, context) -> new SharedToken(rs.getString("token_value"),
                        context.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "expires_at", context)))
                .findOne()));
    }

    @Override
    public boolean tryLease(TokenKey key, String owner, Instant now, Duration leaseFor) {
        sql.withHandle(() -> "creating a shared token row", handle -> sql.insertUnlessPresent(handle,
                "INSERT INTO shared_tokens (app_id, kind) VALUES (:appId, :kind)", () -> "creating a shared token row",
                insert -> insert.bind("appId", key.appId()).bind("kind", key.kind().name())));
        return sql.withHandle(() -> "leasing a shared token", handle -> handle
                .createUpdate("UPDATE shared_tokens SET lease_owner = :owner, lease_until = :until WHERE " + OF_KEY
                        + " AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until <= :now)")
                .bind("appId", key.appId())
                .bind("kind", key.kind().name())
                .bind("owner", owner)
                .bind("until", now.plus(leaseFor))
                .bind("now", now)
                .execute() == 1);
    }

    @Override
    public boolean publish(TokenKey key, String owner, SharedToken token) {
        return sql.withHandle(() -> "publishing a shared token", handle -> handle
                .createUpdate("UPDATE shared_tokens SET token_value = :tokenValue, expires_at = :expiresAt, "
                        + "lease_owner = NULL, lease_until = NULL WHERE " + OF_KEY + " AND lease_owner = :owner")
                .bind("appId", key.appId())
                .bind("kind", key.kind().name())
                .bind("owner", owner)
                .bind("tokenValue", token.value())
                .bind("expiresAt", token.expiresAt())
                .execute() == 1);
    }

    @Override
    public boolean expireIfCurrent(TokenKey key, String tokenValue, Instant now) {
        return sql.withHandle(() -> "expiring a shared token", handle -> handle
                .createUpdate("UPDATE shared_tokens SET expires_at = :now WHERE " + OF_KEY
                        + " AND token_value = :tokenValue AND expires_at > :now")
                .bind("appId", key.appId())
                .bind("kind", key.kind().name())
                .bind("tokenValue", tokenValue)
                .bind("now", now)
                .execute() == 1);
    }
}
