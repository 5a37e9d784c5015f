package io.wxcard.benchmarks.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain JDBC for what the benchmark does beside the store: schemas, pgbench's database, checks of the results. */
public final class Sql {

    private final String host;
    private final int port;
    private final String user;
    private final String database;

    public Sql(String host, int port, String user, String database) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.database = database;
    }

    /** The URL of this database, optionally with a schema as the current one. */
    public String url(String schema) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=" + user
                + (schema == null ? "" : "&currentSchema=" + schema);
    }

    public Sql onDatabase(String other) {
        return new Sql(host, port, user, other);
    }

    public void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url(null));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    public boolean exists(String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(url(null));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    public String text(String sql) {
        try (Connection connection = DriverManager.getConnection(url(null));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    public long number(String sql) {
        String value = text(sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** pgbench's scale here (its number of branches), or -1 when its tables are missing. */
    public int scaleOfPgbench() {
        if (!exists("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = ?", "pgbench_branches")) {
            return -1;
        }
        return (int) number("SELECT count(*) FROM pgbench_branches");
    }
}
