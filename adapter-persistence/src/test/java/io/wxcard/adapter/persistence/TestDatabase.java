package io.wxcard.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own for one test class: an H2 file database in {@code target/}, a PostgreSQL schema or a MariaDB
 * database with a random name on the servers the environment names, dropped again on {@link #close}. So test runs of
 * several developers and CI on the same servers never see each other's rows.
 *
 * <p>Servers: {@code WXCARD_TEST_POSTGRES_URL} (default {@value #DEFAULT_POSTGRES_URL}) and
 * {@code WXCARD_TEST_MARIADB_URL} (default {@value #DEFAULT_MARIADB_URL}). When one cannot be reached, its tests are
 * skipped with a message, except on CI ({@code CI=true}), where they fail.
 */
abstract class TestDatabase implements AutoCloseable {

    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String DEFAULT_MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";

    abstract String vendorName();

    /** Settings that reach this database alone. */
    abstract DatabaseSettings settings();

    /** Drops the database (or schema) and everything in it. */
    @Override
    public abstract void close();

    static String uniqueName() {
        return "wxcard_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static TestDatabase h2() {
        return new H2();
    }

    static TestDatabase postgres() {
        return new Postgres(env("WXCARD_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL));
    }

    static TestDatabase mariadb() {
        return new MariaDb(env("WXCARD_TEST_MARIADB_URL", DEFAULT_MARIADB_URL));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Opens an administrative connection, or skips (fails on CI) when the server cannot be reached. */
    static Connection connectOrSkip(String vendor, String variable, String url) {
        try {
            DriverManager.setLoginTimeout(5);
            return DriverManager.getConnection(url);
        } catch (SQLException unreachable) {
            String message = vendor + " is not reachable at " + url.replaceAll("(?i)(password=)[^&;]*", "$1***")
                    + " (" + unreachable.getMessage() + "); set " + variable + " to a reachable server";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true, so this test needs the database: " + message, unreachable);
            }
            String skipping = message + ". SKIPPING the " + vendor + " tests (with CI=true they would fail).";
            System.err.println("WARNING: " + skipping); // surefire counts a class skipped in @BeforeAll as 0 tests
            Assumptions.abort(skipping);
            throw new AssertionError("unreachable");
        }
    }

    static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not run " + sql, failed);
        }
    }

    static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    /** An H2 file database under {@code target/h2-tests}, as the embedded default uses one. */
    static final class H2 extends TestDatabase {
        private final Path directory = Paths.get("target", "h2-tests", uniqueName()).toAbsolutePath();

        @Override
        String vendorName() {
            return "H2";
        }

        @Override
        DatabaseSettings settings() {
            return new DatabaseSettings("jdbc:h2:file:" + directory.resolve("wxcard") + ";AUTO_SERVER=FALSE", "sa", "",
                    10);
        }

        @Override
        public void close() {
            if (!Files.exists(directory)) {
                return;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }

    /** A schema of its own in the PostgreSQL database the URL names ({@code currentSchema=}). */
    static final class Postgres extends TestDatabase {
        private final String serverUrl;
        private final String schema = uniqueName();

        Postgres(String serverUrl) {
            this.serverUrl = serverUrl;
            try (Connection admin = connectOrSkip("PostgreSQL", "WXCARD_TEST_POSTGRES_URL", serverUrl)) {
                execute(admin, "CREATE SCHEMA " + schema);
            } catch (SQLException failed) {
                throw new IllegalStateException(failed);
            }
        }

        @Override
        String vendorName() {
            return "PostgreSQL";
        }

        @Override
        DatabaseSettings settings() {
            return new DatabaseSettings(withParameter(serverUrl, "currentSchema=" + schema), null, null, 10);
        }

        @Override
        public void close() {
            try (Connection admin = DriverManager.getConnection(serverUrl)) {
                execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException failed) {
                throw new IllegalStateException("could not drop schema " + schema, failed);
            }
        }
    }

    /** A database of its own on the MariaDB (or MySQL) server the URL names, with the server's default charset. */
    static final class MariaDb extends TestDatabase {
        private final String serverUrl;
        private final String database = uniqueName();

        MariaDb(String serverUrl) {
            this.serverUrl = serverUrl;
            try (Connection admin = connectOrSkip("MariaDB", "WXCARD_TEST_MARIADB_URL", serverUrl)) {
                execute(admin, "CREATE DATABASE " + database);
            } catch (SQLException failed) {
                throw new IllegalStateException(failed);
            }
        }

        @Override
        String vendorName() {
            return "MariaDB";
        }

        @Override
        DatabaseSettings settings() {
            // jdbc:mariadb://host:port/db?params -> the same server, our database
            int slash = serverUrl.indexOf('/', serverUrl.indexOf("//") + 2);
            int query = serverUrl.indexOf('?');
            int serverEnd = slash >= 0 ? slash : query >= 0 ? query : serverUrl.length();
            String server = serverUrl.substring(0, serverEnd);
            String parameters = query < 0 ? "" : serverUrl.substring(query);
            return new DatabaseSettings(server + "/" + database + parameters, null, null, 10);
        }

        @Override
        public void close() {
            try (Connection admin = DriverManager.getConnection(serverUrl)) {
                execute(admin, "DROP DATABASE IF EXISTS " + database);
            } catch (SQLException failed) {
                throw new IllegalStateException("could not drop database " + database, failed);
            }
        }
    }
}
