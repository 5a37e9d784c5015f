package io.wxcard.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    /** Reads a row selected as {@link #COLUMNS}, by position. */
    static LedgerEntryRow readRow(ResultSet rs) throws SQLException {
        return new LedgerEntryRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getBoolean(12),
                UtcInstants.read(rs, 13));
    }

    /** {@link #readRow}, as a Jdbi row mapper. */
    static LedgerEntryRow read(ResultSet rs, StatementContext context) throws SQLException {
        return readRow(rs);
    }
}
