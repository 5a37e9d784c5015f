package io.wxcard.adapter.persistence;

import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Turns database errors into what the ports promise, told apart by SQLState (portable) and, where MariaDB/MySQL put
 * several errors under one state, by their error code.
 */
final class SqlFailures {

    /** MariaDB/MySQL codes under SQLState 23000 that are not a duplicate key. */
    private static final Set<Integer> MARIADB_NOT_DUPLICATES = Set.of(
            1048, // column cannot be null
            1451, // a row still refers to this one
            1452, // the row refers to one that does not exist
            3819, // check constraint
            4025); // check constraint (MariaDB)
    private static final int MARIADB_DEADLOCK = 1213;
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_CONCURRENT_UPDATE = 90131;
    /** PostgreSQL: the transaction is aborted (a statement of it failed); also what a commit of it answers. */
    private static final String IN_FAILED_TRANSACTION = "25P02";

    private SqlFailures() {}

    /** The SQL error at the root of a failure, if there is one. */
    static SQLException sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** A duplicate key: someone stored the same thing first. */
    static boolean isDuplicateKey(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.equals("23505") // PostgreSQL, H2
                || state.equals("23000") && !MARIADB_NOT_DUPLICATES.contains(sql.getErrorCode()); // MariaDB/MySQL 1062
    }

    /** The database gave up on the transaction (deadlock, serialization failure) or on waiting for a lock. */
    static boolean isLostRace(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state != null && state.startsWith("40")
                || Set.of(MARIADB_DEADLOCK, MARIADB_LOCK_WAIT_TIMEOUT, H2_LOCK_TIMEOUT, H2_CONCURRENT_UPDATE)
                        .contains(sql.getErrorCode());
    }

    /**
     * The database is out of reach: SQLState class 08 (connection exception, every vendor), PostgreSQL's 57P01-57P03
     * (terminated by an administrator or a crash, or not accepting connections yet), or the driver's and the pool's
     * connection exception types (HikariCP times out waiting for a connection with SQLTransientConnectionException).
     */
    static boolean isConnectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the database has already rolled back the whole transaction (not only the failed statement). */
    static boolean rolledBackTheTransaction(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && (sql.getErrorCode() == MARIADB_DEADLOCK
                || "40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
    }

    /**
     * What a caller sees: a {@link ConcurrentUpdateException} when another writer got there first (so services retry
     * the whole unit of work), a {@link StoreUnavailableException} when the database is out of reach, an
     * {@link IllegalStateException} when a constraint refused the write or PostgreSQL refuses the rest of a
     * transaction after a failed statement, the failure itself otherwise.
     *
     * @param what what was being written, for the message (never a secret)
     */
    static RuntimeException translate(RuntimeException failure, String what) {
        if (isDuplicateKey(failure)) {
            return new ConcurrentUpdateException(what + ": it is already stored (a duplicate key)", failure);
        }
        if (isLostRace(failure)) {
            return new ConcurrentUpdateException(what + ": the database stopped it to let a concurrent change through",
                    failure);
        }
        if (isConnectionLost(failure)) {
            return new StoreUnavailableException(what + ": the database could not be reached or dropped the connection "
                    + "(whether a write in flight was stored is not known)", failure);
        }
        SQLException sql = sqlCause(failure);
        String state = sql == null ? null : sql.getSQLState();
        if (state != null && state.startsWith("23")) {
            return new IllegalStateException(what + ": refused by a constraint of the schema (SQLState " + state
                    + ", e.g. it refers to a card that is not stored)", failure);
        }
        if (IN_FAILED_TRANSACTION.equals(state)) {
            return new IllegalStateException(what + ": an earlier statement of this transaction failed, and the "
                    + "database takes no more statements in it; nothing was written", failure);
        }
        return failure;
    }
}
