package io.wxcard.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code cards}. */
record CardRow(
        String id,
        String tenantId,
        String definitionJson,
        String state,
        String wechatCardId,
        String refusalReason,
        Instant firstIssuedAt,
        String activationFormJson,
        String testWhitelistJson,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "id, tenant_id, definition_json, state, wechat_card_id, refusal_reason, "
            + "first_issued_at, activation_form_json, test_whitelist_json, version, "
            + "created_at, updated_at";

    /** The named parameters for {@link #COLUMNS}, for an {@code INSERT ... VALUES}. */
    static final String PARAMETERS = ":id, :tenantId, :definitionJson, :state, :wechatCardId, :refusalReason, "
            + ":firstIssuedAt, :activationFormJson, :testWhitelistJson, :version, :createdAt, "
            + ":updatedAt";

    /** Reads a row selected as {@link #COLUMNS}, by position. */
    static CardRow readRow(ResultSet rs) throws SQLException {
        return new CardRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                UtcInstants.read(rs, 7),
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10),
                UtcInstants.read(rs, 11),
                UtcInstants.read(rs, 12));
    }

    /** {@link #readRow}, as a Jdbi row mapper. */
    static CardRow read(ResultSet rs, StatementContext context) throws SQLException {
        return readRow(rs);
    }

    /** Binds every component under its own name. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement
                .bind("id", id)
                .bind("tenantId", tenantId)
                .bind("definitionJson", definitionJson)
                .bind("state", state)
                .bind("wechatCardId", wechatCardId)
                .bind("refusalReason", refusalReason)
                .bind("firstIssuedAt", firstIssuedAt)
                .bind("activationFormJson", activationFormJson)
                .bind("testWhitelistJson", testWhitelistJson)
                .bind("version", version)
                .bind("createdAt", createdAt)
                .bind("updatedAt", updatedAt);
    }
}
