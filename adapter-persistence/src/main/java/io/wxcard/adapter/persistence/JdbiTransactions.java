package io.wxcard.adapter.persistence;

import io.vavr.control.Either;
import io.wxcard.application.port.out.store.TransactionBoundary;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The {@link TransactionBoundary} on Jdbi's own transactions. Jdbi binds the handle of {@code jdbi.inTransaction} to
 * the thread, so every store call the work makes joins it. Work that starts a transaction inside another runs behind a
 * {@link Handle#savepoint savepoint}: when it fails (or answers a Left) only what it wrote is undone, and the outer
 * work goes on.
 *
 * <p>The isolation level is READ COMMITTED (set on the pool). That is enough because every write that depends on what
 * was read checks it in the write itself: {@code UPDATE ... WHERE version = ?}, which waits for a concurrent writer
 * and then matches nothing, so the store reports a lost race.
 */
final class JdbiTransactions implements TransactionBoundary {

    /** Savepoint names must differ within a transaction (MariaDB replaces a savepoint of the same name). */
    private static final AtomicLong SAVEPOINTS = new AtomicLong();

    private final Jdbi jdbi;
    private final Vendor vendor;
    /** How deep this thread is in work of this boundary (0 outside any): {@link #inProgress}, without a connection. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    JdbiTransactions(Jdbi jdbi, Vendor vendor) {
        this.jdbi = jdbi;
        this.vendor = vendor;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(work, result -> false);
    }

    @Override
    public <L, R> Either<L, R> inTransactionUnlessLeft(Supplier<Either<L, R>> work) {
        return run(work, Either::isLeft);
    }

    @Override
    public boolean inProgress() {
        return depth.get()[0] > 0;
    }

    private <T> T run(Supplier<T> work, Predicate<T> undo) {
        int[] level = depth.get();
        level[0]++;
        try {
            return runCounted(work, undo);
        } finally {
            level[0]--;
        }
    }

    private <T> T runCounted(Supplier<T> work, Predicate<T> undo) {
        try {
            return jdbi.withHandle(handle -> handle.isInTransaction()
                    ? inSavepoint(handle, work, undo)
                    : handle.inTransaction(transaction -> {
                        T result = work.get();
                        if (undo.test(result)) {
                            transaction.rollback();
                        } else {
                            refuseToCommitIfAborted(transaction);
                        }
                        return result;
                    }));
        } catch (JdbiException failure) { // beginning, committing or undoing: the work's own are translated already
            throw SqlFailures.translate(failure, "running a transaction");
        } catch (SQLException notPostgres) {
            throw new IllegalStateException("a PostgreSQL URL gave a connection of another driver", notPostgres);
        }
    }

    /**
     * After a failed statement PostgreSQL refuses the rest of the transaction and turns its commit into a rollback
     * without a word (pgjdbc reports nothing). So that the caller does not take the work for stored, that is an error
     * here (Jdbi then rolls back). A failure inside a nested unit is undone with its savepoint and aborts nothing.
     */
    private void refuseToCommitIfAborted(Handle transaction) throws SQLException {
        if (vendor == Vendor.POSTGRESQL && transaction.getConnection().unwrap(BaseConnection.class)
                .getTransactionState() == TransactionState.FAILED) {
            throw new IllegalStateException("one of the transaction's statements failed and the database took no "
                    + "more of them; nothing was written");
        }
    }

    private static <T> T inSavepoint(Handle handle, Supplier<T> work, Predicate<T> undo) {
        String savepoint = "wxcard_nested_" + SAVEPOINTS.incrementAndGet();
        handle.savepoint(savepoint);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error failure) {
            if (!SqlFailures.rolledBackTheTransaction(failure)) { // else the savepoint is gone with the rest
                try {
                    handle.rollbackToSavepoint(savepoint);
                } catch (RuntimeException undoFailed) {
                    failure.addSuppressed(undoFailed);
                }
            }
            throw failure;
        }
        if (undo.test(result)) {
            handle.rollbackToSavepoint(savepoint);
        } else {
            handle.releaseSavepoint(savepoint);
        }
        return result;
    }
}
