package io.wxcard.adapter.persistence;

import java.time.Instant;

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
        String lastError) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "id, tenant_id, kind, fields_json, attempts, created_at, not_before, claimed_by, "
            + "lease_until, dead, last_error";
}
