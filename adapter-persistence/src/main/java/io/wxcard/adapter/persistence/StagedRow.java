package io.wxcard.adapter.persistence;

import java.time.Instant;

/**
 * One row of {@code import_rows}: a staged line of an import. {@code dedupe_key} and {@code settled_at} are written by
 * {@link JdbiImportJobStore} itself and never read back.
 */
record StagedRow(
        String jobId,
        long lineNo,
        String openId,
        String code,
        String phone,
        String membershipNumber,
        Long points,
        Long balance,
        String outRequestNo,
        String status,
        int attempts,
        Instant notBefore,
        String detail,
        String importedCode) {

    /** The columns, in the order of the components. */
    static final String COLUMNS = "job_id, line_no, open_id, code, phone, membership_number, points, balance, "
            + "out_request_no, status, attempts, not_before, detail, imported_code";

    /** The named parameters for {@link #COLUMNS}, for an {@code INSERT ... VALUES}. */
    static final String PARAMETERS = ":jobId, :lineNo, :openId, :code, :phone, :membershipNumber, :points, :balance, "
            + ":outRequestNo, :status, :attempts, :notBefore, :detail, :importedCode";
}
