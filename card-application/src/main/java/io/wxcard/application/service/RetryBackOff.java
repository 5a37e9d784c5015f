package io.wxcard.application.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When work kept in the database (an outbox task, an import row) is offered again after a failure that may pass:
 * its {@code not_before}. Retries in process, within one call, are Failsafe's ({@link UnitOfWork#lostRaces()}).
 */
final class RetryBackOff {

    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofMinutes(10);

    private RetryBackOff() {}

    /** 2 s, 4 s, 8 s ... up to 10 minutes, with jitter so that instances do not retry in step. */
    static Duration after(int attemptsSoFar) {
        long base = FIRST.toMillis() << Math.min(attemptsSoFar, 20);
        long capped = Math.min(base, MAX.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
