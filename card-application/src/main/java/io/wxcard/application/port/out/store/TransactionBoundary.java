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

    /** Runs the work in one transaction, rolled back when it throws or answers a {@code Left}. */
    default <L, R> Either<L, R> inTransactionUnlessLeft(Supplier<Either<L, R>> work) {
        try {
            return inTransaction(() -> {
                Either<L, R> result = work.get();
                if (result.isLeft()) {
                    throw new RollbackWith(result);
                }
                return result;
            });
        } catch (RollbackWith rollback) {
            @SuppressWarnings("unchecked")
            Either<L, R> result = (Either<L, R>) rollback.result;
            return result;
        }
    }

    /** Carries a {@code Left} out of a transaction so that the transaction rolls back. */
    final class RollbackWith extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Either<?, ?> result;

        RollbackWith(Either<?, ?> result) {
            super("rolled back: the work answered a rejection", null, false, false);
            this.result = result;
        }
    }
}
