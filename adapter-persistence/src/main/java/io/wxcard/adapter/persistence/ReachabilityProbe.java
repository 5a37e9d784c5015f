package io.wxcard.adapter.persistence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/** {@link Persistence#isReachable}: whether the database answers, checked on the caller's threads, one at a time. */
final class ReachabilityProbe {
    private static final int REACHABLE_WITHIN_SECONDS = 2;

    private final DataSource dataSource;
    private CompletableFuture<Boolean> running;
    private boolean closed;

    ReachabilityProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized boolean isReachable(Executor probes) {
        if (closed || running != null && !running.isDone()) {
            return false;
        }
        try {
            running = CompletableFuture.supplyAsync(
                    () -> ConnectionPool.answers(dataSource, REACHABLE_WITHIN_SECONDS), probes);
            return running.get(REACHABLE_WITHIN_SECONDS + 1, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | RejectedExecutionException slowOrFailed) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized void close() {
        closed = true;
    }
}
