package io.wxcard.adapter.persistence;

import io.vavr.control.Either;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import io.wxcard.application.port.out.store.TransactionBoundary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.Update;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.AutoSave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores' way to the database, and the {@link TransactionBoundary}: a transaction is bound to the thread that
 * opened it, so every store call that thread makes inside {@link #inTransaction} runs on the same connection. Work that
 * starts a transaction inside another runs in a savepoint: if it fails, only what it wrote is undone. A store call
 * outside any transaction runs in a short transaction of its own.
 *
 * <p>The isolation level is READ COMMITTED (set on the pool). That is enough because every write that depends on what
 * was read checks it in the write itself: {@code UPDATE ... WHERE version = ?}, which waits for a concurrent writer and
 * then sees its committed row, so it matches nothing and the store reports a {@link ConcurrentUpdateException}.
 *
 * <p>A transaction is a pooled JDBC connection with auto-commit off. Two ways to run statements on it. {@link #call}
 * hands the operation a Jdbi handle on the connection (opened on the transaction's first such call); on PostgreSQL,
 * which refuses every statement of a transaction after one failed, each of its statements runs behind a savepoint of
 * the driver's ({@code autosave}), so a refused write undoes only itself, as on H2 and MariaDB. {@link #jdbc} hands
 * the operation plain JDBC statements, prepared once per connection ({@link PreparedStatements}), and sets no
 * savepoints: it is for the statements of the ledger's hot path, which answer every refusal the stores expect with a
 * row count ({@code UPDATE ... WHERE version = ?}, {@code INSERT ... ON CONFLICT DO NOTHING}), never with an error.
 * Should one fail all the same on PostgreSQL (a broken foreign key, say), the transaction refuses every later store
 * call, and its commit, with an {@link IllegalStateException}, until a nested transaction around the failure is
 * undone.
 */
final class Database implements TransactionBoundary {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final Vendor vendor;
    private final Jdbi jdbi;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    private final PreparedStatements statements = new PreparedStatements();

    Database(DataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.jdbi = Jdbi.create(new TransactionConnections());
        // Statement errors name no bound values: they may be credentials.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        UtcInstants.register(jdbi);
    }

    Vendor vendor() {
        return vendor;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(work, result -> false);
    }

    @Override
    public <L, R> Either<L, R> inTransactionUnlessLeft(Supplier<Either<L, R>> work) {
        return inTransaction(work, Either::isLeft);
    }

    /** Runs the work in a transaction (a savepoint when nested) undone when it throws or when {@code undo} says so. */
    private <T> T inTransaction(Supplier<T> work, Predicate<? super T> undo) {
        Transaction transaction = current.get();
        return transaction == null ? outermost(work, false, undo) : nested(transaction, work, undo);
    }

    /**
     * Runs a store operation on a Jdbi handle: on the thread's transaction when there is one, else in a transaction of
     * its own.
     *
     * @param what what the operation writes or reads, for error messages (never a secret)
     */
    <T> T call(String what, HandleCallback<T, RuntimeException> operation) {
        return call(() -> what, operation);
    }

    /** As {@link #call(String, HandleCallback)}, with the description built only when an error needs it. */
    <T> T call(Supplier<String> what, HandleCallback<T, RuntimeException> operation) {
        Transaction transaction = current.get();
        if (transaction == null) {
            return outermost(() -> call(what, operation), true, result -> false);
        }
        transaction.checkUsable();
        try {
            return transaction.withStatementSavepoints(operation);
        } catch (JdbiException failure) {
            RuntimeException translated = SqlFailures.translate(failure, what.get());
            if (SqlFailures.rolledBackTheTransaction(failure)) {
                transaction.rolledBackBy = translated;
            }
            throw translated;
        }
    }

    /**
     * Runs plain JDBC statements on the transaction's connection (in a transaction of its own when the thread has
     * none), without savepoints: the statements must answer the refusals a caller expects with row counts, not errors
     * (see the class comment). The operation closes the result sets it opens, never the statements.
     *
     * @param what what the operation writes or reads, for error messages (never a secret); built only when needed
     */
    <T> T jdbc(Supplier<String> what, SqlWork<T> operation) {
        Transaction transaction = current.get();
        if (transaction == null) {
            return outermost(() -> jdbc(what, operation), true, result -> false);
        }
        transaction.checkUsable();
        try {
            return operation.run(transaction);
        } catch (SQLException failure) {
            RuntimeException translated = SqlFailures.translate(failure, what.get());
            if (SqlFailures.rolledBackTheTransaction(failure)) {
                transaction.rolledBackBy = translated;
            } else if (vendor == Vendor.POSTGRESQL) {
                transaction.abortedBy = translated;
            }
            throw translated;
        }
    }

    /** Plain JDBC work, on statements of the transaction's connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Statements statements) throws SQLException;
    }

    /** Work on the transaction's connection itself. */
    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The transaction's way to its connection's prepared statements. */
    interface Statements {
        /** The connection's statement for the SQL, prepared on first use; the caller must not close it. */
        PreparedStatement prepared(String sql) throws SQLException;
    }

    /**
     * Inserts a row unless its key is taken, answering whether it did. Never fails on a duplicate, so the enclosing
     * transaction goes on either way.
     */
    boolean insertIfAbsent(Handle handle, String sql, Consumer<Update> binder) {
        var update = handle.createUpdate(sql);
        binder.accept(update);
        try {
            return update.execute() == 1;
        } catch (JdbiException failure) {
            if (vendor == Vendor.H2 && SqlFailures.isDuplicateKey(failure)) {
                return false; // a failed statement leaves an H2 transaction usable
            }
            throw failure;
        }
    }

    /**
     * What the thread's transaction keeps under a key (see {@link #remember}), or null: always null outside a
     * transaction.
     */
    Object recall(Object key) {
        Transaction transaction = current.get();
        return transaction == null || transaction.memory == null ? null : transaction.memory.get(key);
    }

    /**
     * Keeps a value for the rest of the thread's transaction (nothing outside one). Everything kept is forgotten when a
     * nested transaction is undone, so a store must treat it as a hint it can do without.
     */
    void remember(Object key, Object value) {
        Transaction transaction = current.get();
        if (transaction != null) {
            if (transaction.memory == null) {
                transaction.memory = new HashMap<>();
            }
            transaction.memory.put(key, value);
        }
    }

    /** Forgets what the thread's transaction kept under a key. */
    void forget(Object key) {
        Transaction transaction = current.get();
        if (transaction != null && transaction.memory != null) {
            transaction.memory.remove(key);
        }
    }

    /**
     * @param singleCall whether the transaction is one store call's own, which ends with the call: a failed statement
     *                   ends it anyway, so its statements need no savepoints
     */
    private <T> T outermost(Supplier<T> work, boolean singleCall, Predicate<? super T> undo) {
        Transaction transaction = new Transaction(open(), singleCall);
        current.set(transaction);
        try {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error failure) {
                rollbackQuietly(transaction.connection, failure);
                throw failure;
            }
            if (undo.test(result)) {
                rollback(transaction.connection);
                return result;
            }
            if (transaction.rolledBackBy != null) {
                rollbackQuietly(transaction.connection, transaction.rolledBackBy);
                throw new ConcurrentUpdateException("the transaction could not go on (" + transaction.rolledBackBy
                        .getMessage() + "); nothing was written, retry the whole unit", transaction.rolledBackBy);
            }
            if (transaction.abortedBy != null) {
                rollbackQuietly(transaction.connection, transaction.abortedBy);
                if (transaction.abortedBy instanceof StoreUnavailableException unreachable) {
                    throw unreachable;
                }
                throw new IllegalStateException("one of the transaction's statements failed ("
                        + transaction.abortedBy.getMessage() + "); nothing was written", transaction.abortedBy);
            }
            commit(transaction.connection);
            return result;
        } finally {
            current.remove();
            transaction.close();
        }
    }

    private <T> T nested(Transaction transaction, Supplier<T> work, Predicate<? super T> undo) {
        transaction.checkUsable();
        String name = "wxcard_nested_" + (++transaction.depth);
        try {
            Savepoint savepoint = savepointCommand(transaction, "setting a savepoint",
                    connection -> connection.setSavepoint(name));
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error failure) {
                undoNested(transaction, savepoint, failure);
                throw failure;
            }
            if (undo.test(result)) {
                // A failed undo marks the whole transaction rolled back; the outermost one reports it.
                undoNested(transaction, savepoint, new IllegalStateException("the nested work answered a Left"));
                return result;
            }
            savepointCommand(transaction, "releasing a savepoint", connection -> {
                connection.releaseSavepoint(savepoint);
                return null;
            });
            return result;
        } finally {
            transaction.depth--;
        }
    }

    private void undoNested(Transaction transaction, Savepoint savepoint, Throwable failure) {
        if (transaction.rolledBackBy != null) {
            return; // the database already undid everything; the outermost transaction reports it
        }
        try {
            transaction.connection.rollback(savepoint);
            // The statement that failed (if one did) is undone with the rest: PostgreSQL takes statements again.
            transaction.abortedBy = null;
            transaction.memory = null;
        } catch (SQLException rollbackFailed) {
            failure.addSuppressed(rollbackFailed);
            transaction.rolledBackBy = new ConcurrentUpdateException("could not undo a failed nested transaction; the "
                    + "whole transaction is rolled back", rollbackFailed);
        }
    }

    /** A savepoint command of the transaction's own, which no store asked for: no autosave around it. */
    private static <T> T savepointCommand(Transaction transaction, String what, ConnectionWork<T> command) {
        transaction.checkUsable();
        try {
            return command.run(transaction.connection);
        } catch (SQLException failure) {
            throw SqlFailures.translate(failure, what);
        }
    }

    private Connection open() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException failure) {
            throw SqlFailures.translate(failure, "opening a connection");
        }
        try {
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException failure) {
            closeQuietly(connection);
            throw SqlFailures.translate(failure, "opening a transaction");
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException closeFailed) {
            LOG.warn("closing a database connection failed: {}", closeFailed.toString());
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException failure) {
            rollbackQuietly(connection, failure);
            throw SqlFailures.translate(failure, "committing a transaction");
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException failure) {
            throw SqlFailures.translate(failure, "rolling back a transaction");
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
            LOG.warn("rolling back a failed transaction failed too: {}", rollbackFailed.toString());
        }
    }

    /**
     * Jdbi's connections: the connection of the thread's transaction, lent to a handle for as long as the transaction
     * lasts (closing the handle leaves it open; the transaction closes it). Jdbi runs nothing outside a transaction.
     */
    private final class TransactionConnections implements ConnectionFactory {
        @Override
        public Connection openConnection() {
            Transaction transaction = current.get();
            if (transaction == null) {
                throw new IllegalStateException("Jdbi is used only inside a transaction of Database");
            }
            return transaction.connection;
        }

        @Override
        public void closeConnection(Connection connection) {
            // The transaction's: it closes the connection when it ends.
        }
    }

    /** The thread's open transaction. */
    private final class Transaction implements Statements {
        final Connection connection;
        /** One store call's own transaction (see {@link #outermost}). */
        final boolean singleCall;
        int depth;
        /** Set when the database rolled the whole transaction back under the work's feet: it may not go on. */
        RuntimeException rolledBackBy;
        /**
         * Set when a statement without a savepoint failed on PostgreSQL, which then refuses every statement until the
         * transaction, or a savepoint set before the failure, is rolled back.
         */
        RuntimeException abortedBy;
        /** What stores keep for the rest of the transaction ({@link Database#remember}); made when first needed. */
        Map<Object, Object> memory;
        /** Made on the transaction's first Jdbi call. */
        private Handle handle;
        private PGConnection postgres;
        /** The driver's connection under the pool's proxy, and its prepared statements; found on first use. */
        private Connection physical;
        private Map<String, PreparedStatement> prepared;

        Transaction(Connection connection, boolean singleCall) {
            this.connection = connection;
            this.singleCall = singleCall;
        }

        @Override
        public PreparedStatement prepared(String sql) throws SQLException {
            if (prepared == null) {
                physical = connection.unwrap(Connection.class);
                prepared = statements.of(physical);
            }
            return PreparedStatements.prepared(prepared, physical, sql);
        }

        /**
         * Runs Jdbi work; on PostgreSQL with a savepoint of the driver's around each of its statements, so that a
         * failing one undoes only itself and the transaction goes on (the pool's connections have none otherwise),
         * unless the transaction is the call's own.
         */
        <T> T withStatementSavepoints(HandleCallback<T, RuntimeException> operation) {
            if (handle == null) {
                handle = jdbi.open();
            }
            if (vendor != Vendor.POSTGRESQL || singleCall) {
                return operation.withHandle(handle);
            }
            PGConnection connection = postgres();
            AutoSave before = connection.getAutosave();
            connection.setAutosave(AutoSave.ALWAYS);
            try {
                return operation.withHandle(handle);
            } finally {
                connection.setAutosave(before);
            }
        }

        private PGConnection postgres() {
            if (postgres == null) {
                try {
                    postgres = connection.unwrap(PGConnection.class);
                } catch (SQLException notPostgres) {
                    throw new IllegalStateException("a PostgreSQL URL gave a connection of another driver",
                            notPostgres);
                }
            }
            return postgres;
        }

        void checkUsable() {
            if (rolledBackBy != null) {
                throw new ConcurrentUpdateException("the database already rolled this transaction back (a deadlock "
                        + "with a concurrent change); retry the whole unit", rolledBackBy);
            }
            if (abortedBy != null) {
                throw new IllegalStateException("an earlier statement of this transaction failed ("
                        + abortedBy.getMessage() + "); the database takes no more statements in it", abortedBy);
            }
        }

        /** Closes the Jdbi handle (its statements), then gives the connection back to the pool. */
        void close() {
            if (handle != null) {
                try {
                    handle.close();
                } catch (RuntimeException closeFailed) {
                    LOG.warn("closing a database handle failed: {}", closeFailed.toString());
                }
            }
            closeQuietly(connection);
        }
    }
}
