package io.wxcard.application.service;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.vavr.control.Either;
import io.wxcard.application.port.in.Failure;
import io.wxcard.application.port.out.store.ConcurrentUpdateException;
import io.wxcard.application.port.out.store.TransactionBoundary;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a read-decide-write step in one transaction, and runs it again, reading afresh, when someone else changed the
 * same aggregate first. A rejection rolls the transaction back, so nothing is half-changed; after a few lost races
 * the caller gets a {@link Failure.Conflict} instead of a silent overwrite.
 *
 * <p>Nearly every unit wins its race, so the first attempt runs plainly and only a unit that lost one goes on under the
 * retry policy: Failsafe builds an execution (policy executors, futures, listeners) per call, which every points
 * change paid for nothing. The winner had committed when the loser saw its version, so the first retry goes at once.
 */
final class UnitOfWork {

    static final int ATTEMPTS = 5;

    /**
     * The one retry policy for lost races, wherever a transaction is run again in process: a few quick attempts,
     * jittered so that the racers do not collide again in step.
     */
    static RetryPolicy<Object> lostRaces() {
        return lostRaces(ATTEMPTS);
    }

    private static RetryPolicy<Object> lostRaces(int attempts) {
        return RetryPolicy.builder()
                .handle(ConcurrentUpdateException.class)
                .withMaxAttempts(attempts)
                .withBackoff(Duration.ofMillis(2), Duration.ofMillis(25))
                .withJitter(0.5)
                .build();
    }

    private final TransactionBoundary transactions;
    /** The attempts after the first, which lost a race. */
    private final RetryPolicy<Object> retries = lostRaces(ATTEMPTS - 1);

    UnitOfWork(TransactionBoundary transactions) {
        this.transactions = transactions;
    }

    /** Whether this thread runs work in a transaction already (work started now would join it). */
    boolean inProgress() {
        return transactions.inProgress();
    }

    TransactionBoundary transactions() {
        return transactions;
    }

    <T> Either<Failure, T> run(String what, Supplier<Either<Failure, T>> work) {
        try {
            return transactions.inTransactionUnlessLeft(work);
        } catch (ConcurrentUpdateException firstLostRace) {
            return again(what, work);
        }
    }

    private <T> Either<Failure, T> again(String what, Supplier<Either<Failure, T>> work) {
        try {
            return Failsafe.with(retries).get(() -> transactions.inTransactionUnlessLeft(work));
        } catch (ConcurrentUpdateException lastLostRace) {
            return Either.left(new Failure.Conflict(what + " kept being changed by others at the same time ("
                    + lastLostRace.getMessage() + "); try again"));
        }
    }
}
