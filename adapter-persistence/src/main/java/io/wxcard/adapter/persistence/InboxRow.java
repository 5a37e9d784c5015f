package io.wxcard.adapter.persistence;

import java.time.Instant;

/** One row of {@code inbox}: a push as it arrived, with its state, attempts and claim. */
record InboxRow(
        String id,
        String tenantId,
        String pushKey,
        String sender,
        Instant receivedAt,
        String method,
        String queryJson,
        String bodyBase64,
        String state,
        int attempts,
        String outcome) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "id, tenant_id, push_key, sender, received_at, method, query_json, body_base64, "
            + "state, attempts, outcome";
}
