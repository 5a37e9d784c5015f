package io.wxcard.application.port.out.store;

import io.vavr.control.Either;
import java.util.function.Supplier;

/**
 * Runs work as one unit: everything it writes through the stores lands, or nothing does.
 *
 * <p>Work may start a transaction inside another one (a push handler calling a service that has its own unit of
 * work). The inner one then behaves as a savepoint: when the inner work throws (or answers a {@code Left}), only what
 * the inner work wrote is undone and the outer work goes on; everything commits or rolls back with the outer one.
 */
public interface TransactionBoundary {

    /** Runs the work in one transaction (a savepoint inside an enclosing one), rolled back when it throws. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs the work in one transaction (a savepoint inside an enclosing one), rolled back when it throws or answers a
     * {@code Left}; the {@code Left} is returned as it is.
     */
    <L, R> Either<L, R> inTransactionUnlessLeft(Supplier<Either<L, R>> work);

    /**
     * Whether the calling thread runs work of this boundary now, so that work it starts would join that transaction.
     * A boundary that cannot tell answers false.
     */
    default boolean inProgress() {
        return false;
    }
}
