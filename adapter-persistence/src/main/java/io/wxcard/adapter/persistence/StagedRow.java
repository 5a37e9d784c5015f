package io.wxcard.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

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

    static StagedRow read(ResultSet rs, StatementContext context) throws SQLException {
        return new StagedRow(
                rs.getString("job_id"),
                rs.getLong("line_no"),
                rs.getString("open_id"),
                rs.getString("code"),
                rs.getString("phone"),
                rs.getString("membership_number"),
                rs.getObject("points", Long.class),
                rs.getObject("balance", Long.class),
                rs.getString("out_request_no"),
                rs.getString("status"),
                rs.getInt("attempts"),
                UtcInstants.read(rs, "not_before"),
                rs.getString("detail"),
                rs.getString("imported_code"));
    }
}
