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
        String payBrandId,
        Instant payUpgradedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "id, tenant_id, definition_json, state, wechat_card_id, refusal_reason, "
            + "first_issued_at, activation_form_json, test_whitelist_json, pay_brand_id, pay_upgraded_at, version, "
            + "created_at, updated_at";

    /** The named parameters for {@link #COLUMNS}, for an {@code INSERT ... VALUES}. */
    static final String PARAMETERS = ":id, :tenantId, :definitionJson, :state, :wechatCardId, :refusalReason, "
            + ":firstIssuedAt, :activationFormJson, :testWhitelistJson, :payBrandId, :payUpgradedAt, :version, :createdAt, "
            + ":updatedAt";


    /** Reads the row by column name: a plain Jdbi {@code RowMapper}, registered for the type in {@link Sql}. */
    static CardRow read(ResultSet rs, StatementContext context) throws SQLException {
        return new CardRow(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getString("definition_json"),
                rs.getString("state"),
                rs.getString("wechat_card_id"),
                rs.getString("refusal_reason"),
                UtcInstants.read(rs, "first_issued_at"),
                rs.getString("activation_form_json"),
                rs.getString("test_whitelist_json"),
                rs.getString("pay_brand_id"),
                UtcInstants.read(rs, "pay_upgraded_at"),
                rs.getLong("version"),
                UtcInstants.read(rs, "created_at"),
                UtcInstants.read(rs, "updated_at"));
    }

    /** Binds the row's values to the parameters named after its components ({@code :openId}). */
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
                .bind("payBrandId", payBrandId)
                .bind("payUpgradedAt", payUpgradedAt)
                .bind("version", version)
                .bind("createdAt", createdAt)
                .bind("updatedAt", updatedAt);
    }
}
