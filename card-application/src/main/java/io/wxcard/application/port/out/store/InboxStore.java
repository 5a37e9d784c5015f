package io.wxcard.application.port.out.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The push inbox: a verified push is answered as soon as one insert has kept it here, and is applied afterwards, in
 * batches, by a worker on any instance. Like the outbox, a claim gives a row to one worker at a time, for a lease.
 * The keys of pushes kept without the inbox (messages we do not act on) are the {@link ProcessedPushStore} part.
 */
public interface InboxStore extends ProcessedPushStore {

    /**
     * Keeps a push, pending, in one statement of its own.
     *
     * @return true when it is new; false when a push with the same tenant and key is already here (a retry)
     */
    boolean add(InboxEntry entry);

    /**
     * Claims up to {@code limit} pending rows due now (not claimed by a live lease), oldest first, for {@code lease}.
     * A row is never claimed while an older pending row of the same tenant and sender exists (claimed or not), so one
     * sender's pushes are applied in the order they arrived. Concurrent claims never overlap.
     */
    List<InboxMessage> claim(String worker, int limit, Instant now, Duration lease);

    /**
     * The row was applied, in the caller's transaction (so the effects and this mark commit together). Like the three
     * below, it takes effect only while {@code worker} still holds the claim.
     *
     * @return whether the worker still held the claim
     */
    boolean applied(String id, String worker, String outcome);

    /** The row was not acted on for a business reason, in the caller's transaction. */
    boolean refused(String id, String worker, String reason);

    /** A technical failure: count it and offer the row again from {@code notBefore}. */
    boolean retryLater(String id, String worker, Instant notBefore, String error);

    /** Failed too often: keep the row aside for an operator. */
    boolean deadLetter(String id, String worker, String error);

    /** Dead rows, oldest first. */
    Page<InboxMessage> deadLetters(PageRequest page);

    /**
     * Puts a dead row back, pending and due at once, its attempts reset.
     *
     * @return false when there is no dead row with this id
     */
    boolean revive(String id, Instant now);

    /** Rows in one state: for tests, metrics and lag. */
    long count(InboxMessage.State state);

    /**
     * Forgets push keys and applied or refused rows received before the cutoff (pending and dead rows stay); answers
     * how many.
     */
    @Override
    int forgetReceivedBefore(Instant cutoff);
}
