package io.wxcard.adapter.persistence;

import java.time.Instant;

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
}
