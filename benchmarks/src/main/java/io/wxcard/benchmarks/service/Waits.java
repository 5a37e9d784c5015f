package io.wxcard.benchmarks.service;

import java.time.Duration;

/** Waiting, bounded, for something the drivers cannot be told of: polled every 100 ms. */
final class Waits {

    private Waits() {}

    /** What is awaited: done, not yet (false), or not yet with a reason (an exception). */
    interface Check {
        boolean done() throws Exception;
    }

    /** Polls {@code check} until it is done; gives up after {@code timeout}, naming what it waited for. */
    static void await(String what, Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.done()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            Proc.sleep(100);
        }
        throw new IllegalStateException("gave up waiting " + timeout.toSeconds() + " s for " + what
                + (last == null ? "" : "; last failure: " + last));
    }
}
