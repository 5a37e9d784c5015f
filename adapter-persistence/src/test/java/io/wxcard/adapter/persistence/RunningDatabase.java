package io.wxcard.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** A test database with the stores started on it; {@link #emptied()} gives them back with every table empty. */
final class RunningDatabase implements AutoCloseable {

    /** Children before parents. */
    private static final List<String> TABLES = List.of("member_profiles", "webhook_deliveries", "webhooks", "events",
            "import_rows", "import_jobs", "ledger_batch_failures", "ledger_batches", "ledger_entries", "memberships",
            "cards", "tenants", "outbox", "inbox", "processed_pushes", "shared_tokens");

    private final TestDatabase database;
    private final Persistence persistence;

    private RunningDatabase(TestDatabase database) {
        this.database = database;
        Persistence started;
        try {
            started = Persistence.start(database.settings());
        } catch (RuntimeException failed) {
            database.close();
            throw failed;
        }
        this.persistence = started;
    }

    static RunningDatabase start(TestDatabase database) {
        return new RunningDatabase(database);
    }

    TestDatabase database() {
        return database;
    }

    Persistence persistence() {
        return persistence;
    }

    PersistenceStoreSet emptied() {
        try (Connection connection = connect()) {
            for (String table : TABLES) {
                TestDatabase.execute(connection, "DELETE FROM " + table);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
        return new PersistenceStoreSet(persistence);
    }

    /** A plain JDBC connection to the database, outside the stores' pool. */
    Connection connect() throws SQLException {
        DatabaseSettings settings = database.settings();
        return settings.user() == null
                ? DriverManager.getConnection(settings.jdbcUrl())
                : DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    @Override
    public void close() {
        try {
            persistence.close();
        } finally {
            database.close();
        }
    }
}
