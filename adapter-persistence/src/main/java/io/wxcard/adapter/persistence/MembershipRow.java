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


    /** Reads the row by column name: a plain Jdbi {@code RowMapper}, registered for the type in {@link Sql}. */
    static MembershipRow read(ResultSet rs, StatementContext context) throws SQLException {
        return new MembershipRow(
                rs.getString("tenant_id"),
                rs.getString("card_id"),
                rs.getString("code"),
                rs.getString("open_id"),
                rs.getString("state"),
                rs.getString("state_before_deletion"),
                rs.getString("activation_method"),
                rs.getString("membership_number"),
                rs.getString("form_answers_json"),
                rs.getString("outer_str"),
                rs.getString("invalidation_reason"),
                rs.getLong("points"),
                rs.getLong("balance"),
                rs.getLong("last_sequence"),
                rs.getLong("version"),
                UtcInstants.read(rs, "received_at"),
                UtcInstants.read(rs, "activated_at"),
                UtcInstants.read(rs, "updated_at"));
    }

    /** Binds the row's values to the parameters named after its components ({@code :openId}). */
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
