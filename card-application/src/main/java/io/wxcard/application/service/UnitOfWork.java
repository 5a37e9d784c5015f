package io.wxcard.application.service;

import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.TransactionBoundary;
import java.util.function.Supplier;

/**
 * Runs a read-decide-write step in one transaction, and runs it again, reading afresh, when someone else changed the
 * same aggregate first. A rejection rolls the transaction back, so nothing is half-changed; after a few lost races
 * the caller gets a {@link Failure.Conflict} instead of a silent overwrite.
 */
final class UnitOfWork {

    static final int ATTEMPTS = 5;

    private final TransactionBoundary transactions;

    UnitOfWork(TransactionBoundary transactions) {
        this.transactions = transactions;
    }

    <T> Either<Failure, T> run(String what, Supplier<Either<Failure, T>> work) {
        ConcurrentUpdateException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transactions.inTransactionUnlessLeft(work);
            } catch (ConcurrentUpdateException lostRace) {
                last = lostRace;
                backOff(attempt);
            }
        }
        return Either.left(new Failure.Conflict(what + " kept being changed by others at the same time ("
                + last.getMessage() + "); try again"));
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 5 * attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", interrupted);
        }
    }
}
