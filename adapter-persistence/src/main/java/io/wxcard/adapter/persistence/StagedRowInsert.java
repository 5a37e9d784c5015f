package io.wxcard.adapter.persistence;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

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
        String sql = rows.size() == JdbiImportJobStore.BATCH ? fullBatch : statement(rows.size());
        Update insert = handle.createUpdate(sql);
        int parameter = 0;
        for (Values values : rows) {
            StagedRow row = values.row();
            insert.bindByType(parameter++, row.jobId(), String.class)
                    .bindByType(parameter++, row.lineNo(), long.class)
                    .bindByType(parameter++, row.openId(), String.class)
                    .bindByType(parameter++, row.code(), String.class)
                    .bindByType(parameter++, row.phone(), String.class)
                    .bindByType(parameter++, row.membershipNumber(), String.class)
                    .bindByType(parameter++, row.points(), Long.class)
                    .bindByType(parameter++, row.balance(), Long.class)
                    .bindByType(parameter++, row.outRequestNo(), String.class)
                    .bindByType(parameter++, row.status(), String.class)
                    .bindByType(parameter++, row.attempts(), int.class)
                    .bindByType(parameter++, row.notBefore(), Instant.class)
                    .bindByType(parameter++, row.detail(), String.class)
                    .bindByType(parameter++, row.importedCode(), String.class)
                    .bindByType(parameter++, values.dedupeKey(), String.class);
        }
        return insert.execute();
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
}
