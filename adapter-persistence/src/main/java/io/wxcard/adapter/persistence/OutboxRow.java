package io.wxcard.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code outbox}: a task (its kind and string fields as JSON) with its delivery record and claim. */
record OutboxRow(
        String id,
        String tenantId,
        String kind,
        String fieldsJson,
        int attempts,
        Instant createdAt,
        Instant notBefore,
        String claimedBy,
        Instant leaseUntil,
        boolean dead,
        String lastError,
        String coalesceKey) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "id, tenant_id, kind, fields_json, attempts, created_at, not_before, claimed_by, "
            + "lease_until, dead, last_error, coalesce_key";


    /** Reads the row by column name: a plain Jdbi {@code RowMapper}, registered for the type in {@link Sql}. */
    static OutboxRow read(ResultSet rs, StatementContext context) throws SQLException {
        return new OutboxRow(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getString("kind"),
                rs.getString("fields_json"),
                rs.getInt("attempts"),
                UtcInstants.read(rs, "created_at"),
                UtcInstants.read(rs, "not_before"),
                rs.getString("claimed_by"),
                UtcInstants.read(rs, "lease_until"),
                rs.getBoolean("dead"),
                rs.getString("last_error"),
                rs.getString("coalesce_key"));
    }
}
