package io.wxcard.application.testing;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * A row's claim in the in-memory queues (the outbox's tasks, the inbox's pushes), as the Jdbi stores keep it in
 * {@code claimed_by} and {@code lease_until}: one holder at a time, until the lease runs out and someone claims it.
 */
record Lease(Option<String> holder, Instant until) {

    static final Lease NONE = new Lease(Option.none(), Instant.EPOCH);

    static Lease to(String holder, Instant until) {
        return new Lease(Option.of(holder), until);
    }

    /** Not held by a live lease: free to claim (a lease that ran out may be taken over). */
    boolean free(Instant now) {
        return holder.isEmpty() || !until.isAfter(now);
    }

    /** Held by someone under a live lease. */
    boolean live(Instant now) {
        return !free(now);
    }

    /** Whether {@code who} holds the claim: a lease that ran out still counts until someone else claims the row. */
    boolean heldBy(String who) {
        return holder.contains(who);
    }
}
