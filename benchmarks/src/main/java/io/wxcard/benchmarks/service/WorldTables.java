package io.wxcard.benchmarks.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The tables of a {@link ServiceWorld}'s schema, read as the figures need them (plain JDBC, a connection a read). */
public final class WorldTables {

    private final String url;

    WorldTables(String url) {
        this.url = url;
    }

    /** Outbox tasks not yet done: {waiting (not dead), dead}. */
    public long[] outbox() {
        try {
            List<long[]> rows = query("SELECT count(*) FILTER (WHERE NOT dead), count(*) FILTER (WHERE dead) FROM outbox",
                    row -> new long[] {row.getLong(1), row.getLong(2)});
            return rows.get(0);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("cannot read the outbox: " + unreachable.getMessage(), unreachable);
        }
    }

    /**
     * Waits until no outbox task is waiting (dead ones do not count: they are reported by {@link #outbox()}); answers
     * the seconds it took, or -1 when {@code timeout} ran out.
     */
    public double awaitOutboxDrained(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (outbox()[0] == 0) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IllegalStateException databaseDown) {
                // the database may be restarting
            }
            Proc.sleep(200);
        }
        return -1;
    }

    /** Rows of a query in this world's schema. */
    public <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<T> out = new ArrayList<>();
            while (rows.next()) {
                out.add(mapper.map(rows));
            }
            return out;
        }
    }

    /** One row to one value. */
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
