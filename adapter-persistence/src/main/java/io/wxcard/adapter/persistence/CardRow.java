package io.wxcard.adapter.persistence;

import java.time.Instant;

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
}
