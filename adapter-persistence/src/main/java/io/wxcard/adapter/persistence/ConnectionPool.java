package io.wxcard.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The Hikari pool for one database, with what each vendor needs from its driver. */
final class ConnectionPool {

    private ConnectionPool() {}

    static HikariDataSource open(DatabaseSettings settings, Vendor vendor, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(driverUrl(settings.jdbcUrl(), vendor));
        if (settings.user() != null && !settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null && !settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(10_000);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setAutoCommit(true);
        switch (vendor) {
            case POSTGRESQL -> {
                // No savepoint of the driver's before every statement (a subtransaction each, on the server): the
                // stores answer the refusals they expect with row counts (ON CONFLICT DO NOTHING, WHERE version = ...),
                // and nested units of work set savepoints of their own (JdbiTransactions).
                config.addDataSourceProperty("autosave", "never");
                // Keep the values of a duplicate key out of exception messages (and so out of logs).
                config.addDataSourceProperty("logServerErrorDetail", "false");
            }
            case MARIADB -> {
                // UPDATE answers the rows it matched, not only those it changed: a version check that writes the
                // same values must still count as done.
                config.addDataSourceProperty("useAffectedRows", "false");
            }
            case H2 -> { }
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException unreachable) {
            throw new IllegalStateException("cannot connect to the " + vendor + " database at " + settings.redactedUrl()
                    + ": check the URL, the user and password, and that the server is up ("
                    + rootMessage(unreachable) + ")", unreachable);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * The URL given to the driver. H2 writes each commit to its file at once ({@code WRITE_DELAY=0}) unless the URL
     * says otherwise: by default it waits up to half a second, and a process killed in that time loses transactions
     * it had already committed. A {@code jdbc:mysql:} URL goes to MySQL's own driver when it is on the classpath, else
     * to MariaDB's (which speaks to MySQL 8 too, but takes that scheme only when asked to).
     */
    static String driverUrl(String jdbcUrl, Vendor vendor) {
        if (vendor == Vendor.H2) {
            return jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=") ? jdbcUrl : jdbcUrl + ";WRITE_DELAY=0";
        }
        if (!jdbcUrl.regionMatches(true, 0, "jdbc:mysql:", 0, "jdbc:mysql:".length())) {
            return jdbcUrl;
        }
        if (hasDriverOtherThanMariaDb(jdbcUrl)) {
            return jdbcUrl;
        }
        return "jdbc:mariadb:" + jdbcUrl.substring("jdbc:mysql:".length());
    }

    private static boolean hasDriverOtherThanMariaDb(String jdbcUrl) {
        try {
            Driver driver = DriverManager.getDriver(jdbcUrl);
            return !driver.getClass().getName().startsWith("org.mariadb.");
        } catch (SQLException none) {
            return false;
        }
    }

    /** Whether a connection answers, within the given seconds. */
    static boolean answers(DataSource dataSource, int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException unreachable) {
            return false;
        }
    }
}
