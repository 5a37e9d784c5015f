package io.wxcard.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code ledger_entries}. */
record LedgerEntryRow(
        String tenantId,
        String cardId,
        String code,
        long sequenceNo,
        String asset,
        long delta,
        long pointsAfter,
        long balanceAfter,
        String reason,
        String idempotencyKey,
        String entrySource,
        boolean notifyMember,
        Instant recordedAt) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "tenant_id, card_id, code, sequence_no, asset, delta, points_after, "
            + "balance_after, reason, idempotency_key, entry_source, notify_member, "
            + "recorded_at";

    /** The named parameters for {@link #COLUMNS}, for an {@code INSERT ... VALUES}. */
    static final String PARAMETERS = ":tenantId, :cardId, :code, :sequenceNo, :asset, :delta, :pointsAfter, "
            + ":balanceAfter, :reason, :idempotencyKey, :entrySource, :notifyMember, :recordedAt";


    /** Reads the row by column name: a plain Jdbi {@code RowMapper}, registered for the type in {@link Sql}. */
    static LedgerEntryRow read(ResultSet rs, StatementContext context) throws SQLException {
        return new LedgerEntryRow(
                rs.getString("tenant_id"),
                rs.getString("card_id"),
                rs.getString("code"),
                rs.getLong("sequence_no"),
                rs.getString("asset"),
                rs.getLong("delta"),
                rs.getLong("points_after"),
                rs.getLong("balance_after"),
                rs.getString("reason"),
                rs.getString("idempotency_key"),
                rs.getString("entry_source"),
                rs.getBoolean("notify_member"),
                UtcInstants.read(rs, "recorded_at"));
    }

    /** Binds the row's values to the parameters named after its components ({@code :openId}). */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement
                .bind("tenantId", tenantId)
                .bind("cardId", cardId)
                .bind("code", code)
                .bind("sequenceNo", sequenceNo)
                .bind("asset", asset)
                .bind("delta", delta)
                .bind("pointsAfter", pointsAfter)
                .bind("balanceAfter", balanceAfter)
                .bind("reason", reason)
                .bind("idempotencyKey", idempotencyKey)
                .bind("entrySource", entrySource)
                .bind("notifyMember", notifyMember)
                .bind("recordedAt", recordedAt);
    }
}
