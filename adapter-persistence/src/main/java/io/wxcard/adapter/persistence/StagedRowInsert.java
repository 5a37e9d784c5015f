package io.wxcard.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Inserts many staged rows in one statement, each unless the job already holds a row with its {@code dedupe_key}, and
 * answers how many it inserted. One multi-row statement rather than a JDBC batch: its single row count is exact on
 * every driver (pgjdbc's rewritten batches answer "success, no count" per row), and it is the fastest way in on all
 * three databases.
 *
 * <ul>
 *   <li>PostgreSQL: {@code INSERT ... VALUES (...), (...) ON CONFLICT (job_id, dedupe_key) DO NOTHING}: only the openid
 *       index is "if absent"; a line staged twice still breaks the primary key.</li>
 *   <li>MariaDB/MySQL: {@code INSERT IGNORE ... VALUES (...), (...)}. {@code IGNORE} also skips a row that breaks the
 *       primary key or the foreign key, and would cut a value too long for its column. The store rules those out
 *       first: the job exists, no line of the batch is staged yet, every value fits.</li>
 *   <li>H2 (which has no insert-if-absent outside its compatibility modes): {@code INSERT ... SELECT} from the
 *       {@code VALUES} list {@code WHERE NOT EXISTS} a row with the key, looked up in the unique index.</li>
 * </ul>
 *
 * <p>The statement for a full batch is the same text every time, so the drivers that cache prepared statements
 * (pgjdbc, H2) prepare it once per connection.
 */
final class StagedRowInsert {

    /** The columns, with their types (H2 needs the parameters of a {@code VALUES} list cast). */
    private static final List<Column> COLUMNS = List.of(
            new Column("job_id", "VARCHAR(128)"),
            new Column("line_no", "BIGINT"),
            new Column("open_id", "VARCHAR(256)"),
            new Column("code", "VARCHAR(64)"),
            new Column("phone", "VARCHAR(64)"),
            new Column("membership_number", "VARCHAR(128)"),
            new Column("points", "BIGINT"),
            new Column("balance", "BIGINT"),
            new Column("out_request_no", "VARCHAR(128)"),
            new Column("status", "VARCHAR(16)"),
            new Column("attempts", "INTEGER"),
            new Column("not_before", "TIMESTAMP(6)"),
            new Column("detail", "VARCHAR(2000)"),
            new Column("imported_code", "VARCHAR(64)"),
            new Column("dedupe_key", "VARCHAR(64)"));
    private static final String NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));

    private final Vendor vendor;
    /** The statement for a full batch, built once (a shorter last batch gets its own each time). */
    private final String fullBatch;

    StagedRowInsert(Vendor vendor) {
        this.vendor = vendor;
        this.fullBatch = statement(JdbiImportJobStore.BATCH);
    }

    /** A row as inserted; {@code dedupeKey} null for a row that is never a duplicate. */
    record Values(StagedRow row, String dedupeKey) {}

    /** Inserts the rows whose key the job does not hold yet; answers how many. The rows' keys must differ. */
    int insert(Handle handle, List<Values> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Connection connection = handle.getConnection();
        String sql = rows.size() == JdbiImportJobStore.BATCH ? fullBatch : statement(rows.size());
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (Values values : rows) {
                StagedRow row = values.row();
                parameter = set(insert, parameter, Types.VARCHAR, row.jobId());
                parameter = set(insert, parameter, Types.BIGINT, row.lineNo());
                parameter = set(insert, parameter, Types.VARCHAR, row.openId());
                parameter = set(insert, parameter, Types.VARCHAR, row.code());
                parameter = set(insert, parameter, Types.VARCHAR, row.phone());
                parameter = set(insert, parameter, Types.VARCHAR, row.membershipNumber());
                parameter = set(insert, parameter, Types.BIGINT, row.points());
                parameter = set(insert, parameter, Types.BIGINT, row.balance());
                parameter = set(insert, parameter, Types.VARCHAR, row.outRequestNo());
                parameter = set(insert, parameter, Types.VARCHAR, row.status());
                parameter = set(insert, parameter, Types.INTEGER, row.attempts());
                parameter = set(insert, parameter, Types.TIMESTAMP,
                        row.notBefore() == null ? null : UtcInstants.toColumn(row.notBefore()));
                parameter = set(insert, parameter, Types.VARCHAR, row.detail());
                parameter = set(insert, parameter, Types.VARCHAR, row.importedCode());
                parameter = set(insert, parameter, Types.VARCHAR, values.dedupeKey());
            }
            return insert.executeUpdate();
        } catch (SQLException failed) {
            throw new Failed(failed);
        }
    }

    private static int set(PreparedStatement statement, int parameter, int sqlType, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(parameter, sqlType);
        } else {
            statement.setObject(parameter, value);
        }
        return parameter + 1;
    }

    private String statement(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(COLUMNS.size(), "?")) + ")";
        String values = String.join(", ", Collections.nCopies(rows, row));
        return switch (vendor) {
            case POSTGRESQL -> "INSERT INTO import_rows (" + NAMES + ") VALUES " + values
                    + " ON CONFLICT (job_id, dedupe_key) DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO import_rows (" + NAMES + ") VALUES " + values;
            case H2 -> {
                String typedRow = COLUMNS.stream().map(column -> "CAST(? AS " + column.type() + ")")
                        .collect(Collectors.joining(", ", "(", ")"));
                String typedValues = IntStream.range(0, rows).mapToObj(i -> typedRow)
                        .collect(Collectors.joining(", "));
                yield "INSERT INTO import_rows (" + NAMES + ") SELECT " + NAMES + " FROM (VALUES " + typedValues
                        + ") AS staged (" + NAMES + ") WHERE staged.dedupe_key IS NULL OR NOT EXISTS (SELECT 1 FROM "
                        + "import_rows held WHERE held.job_id = staged.job_id AND held.dedupe_key = staged.dedupe_key)";
            }
        };
    }

    private record Column(String name, String type) {}

    /** A failed insert, as a Jdbi exception so that the store's call translates it like any other. */
    static final class Failed extends JdbiException {
        Failed(SQLException cause) {
            super("inserting staged rows failed", cause);
        }
    }
}
