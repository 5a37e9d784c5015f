package io.wxcard.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code memberships}: the membership with its ledger totals. */
record MembershipRow(
        String tenantId,
        String cardId,
        String code,
        String openId,
        String state,
        String stateBeforeDeletion,
        String activationMethod,
        String membershipNumber,
        String formAnswersJson,
        String outerStr,
        String invalidationReason,
        long points,
        long balance,
        long lastSequence,
        long version,
        Instant receivedAt,
        Instant activatedAt,
        Instant updatedAt) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "tenant_id, card_id, code, open_id, state, state_before_deletion, "
            + "activation_method, membership_number, form_answers_json, outer_str, "
            + "invalidation_reason, points, balance, last_sequence, version, received_at, "
            + "activated_at, updated_at";

    /** The named parameters for {@link #COLUMNS}, for an {@code INSERT ... VALUES}. */
    static final String PARAMETERS = ":tenantId, :cardId, :code, :openId, :state, :stateBeforeDeletion, "
            + ":activationMethod, :membershipNumber, :formAnswersJson, :outerStr, "
            + ":invalidationReason, :points, :balance, :lastSequence, :version, :receivedAt, "
            + ":activatedAt, :updatedAt";

    /** Reads a row selected as {@link #COLUMNS}, by position. */
    static MembershipRow readRow(ResultSet rs) throws SQLException {
        return new MembershipRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getLong(12),
                rs.getLong(13),
                rs.getLong(14),
                rs.getLong(15),
                UtcInstants.read(rs, 16),
                UtcInstants.read(rs, 17),
                UtcInstants.read(rs, 18));
    }

    /** {@link #readRow}, as a Jdbi row mapper. */
    static MembershipRow read(ResultSet rs, StatementContext context) throws SQLException {
        return readRow(rs);
    }

    /** Binds every component under its own name. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement
                .bind("tenantId", tenantId)
                .bind("cardId", cardId)
                .bind("code", code)
                .bind("openId", openId)
                .bind("state", state)
                .bind("stateBeforeDeletion", stateBeforeDeletion)
                .bind("activationMethod", activationMethod)
                .bind("membershipNumber", membershipNumber)
                .bind("formAnswersJson", formAnswersJson)
                .bind("outerStr", outerStr)
                .bind("invalidationReason", invalidationReason)
                .bind("points", points)
                .bind("balance", balance)
                .bind("lastSequence", lastSequence)
                .bind("version", version)
                .bind("receivedAt", receivedAt)
                .bind("activatedAt", activatedAt)
                .bind("updatedAt", updatedAt);
    }
}
