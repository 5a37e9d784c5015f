package io.wxcard.application.port.out.store;

import io.wxcard.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;

/**
 * The transactional outbox: tasks written with the state change that calls for them, then claimed and sent by
 * dispatchers on any number of instances, each task by one dispatcher at a time.
 */
public interface OutboxStore {

    /** Adds a task, due at once, in the caller's transaction. */
    void enqueue(String id, OutboxTask task, Instant now);

    /**
     * Claims up to {@code limit} due tasks (not before now, not claimed by a live lease), oldest first, for
     * {@code lease}: until it runs out, no other dispatcher gets them. Claims made at the same time by several
     * dispatchers never overlap (the database's {@code FOR UPDATE SKIP LOCKED} or equivalent). Like the method below,
     * it adds the tasks that coalesce with the claimed ones.
     */
    java.util.List<OutboxMessage> claim(String dispatcher, int limit, Instant now, Duration lease);

    /**
     * Claims, like the method above, up to {@code limit} due tasks of one tenant, and with them every other task that
     * is not dead, not leased and shares a {@link OutboxTask#coalesceKey()} with one of them (due or backing off), so
     * that a dispatcher can send them as one call. Those extra tasks come after the {@code limit} ones. A task whose
     * coalesce key another dispatcher holds under a live lease is not due: one dispatcher at a time sends a
     * membership's totals, so a later change waits for the call in flight and goes out after it, with newer totals.
     */
    java.util.List<OutboxMessage> claim(String dispatcher, TenantId tenant, int limit, Instant now, Duration lease);

    /**
     * The tasks of a tenant sharing a {@link OutboxTask#coalesceKey()} that are not settled yet: waiting, backing off
     * or in flight (not dead), oldest first. Tells whether a membership's syncs are still on their way.
     */
    java.util.List<OutboxTask> unsettled(TenantId tenant, String coalesceKey);

    /** The tenants that have tasks due now (not dead, not leased), so that dispatchers can take turns between them. */
    java.util.List<TenantId> tenantsWithDueTasks(Instant now);

    /**
     * The task was sent: it leaves the outbox. Like the two below, it takes effect only while {@code dispatcher}
     * still holds the task's claim: a dispatcher whose lease ran out (and whose task someone else took) changes
     * nothing.
     *
     * @return whether the dispatcher still held the claim
     */
    boolean completed(String id, String dispatcher);

    /**
     * The tasks were sent together (one call for a membership's coalesced syncs): they leave the outbox at once, those
     * the dispatcher still holds.
     *
     * @return how many the dispatcher still held (and so removed)
     */
    int completed(java.util.Collection<String> ids, String dispatcher);

    /** The attempt failed: count it, and offer the task again from {@code notBefore}. */
    boolean retryLater(String id, String dispatcher, Instant notBefore, String error);

    /** The task failed for good (or too often): keep it aside for an operator. */
    boolean deadLetter(String id, String dispatcher, String error);

    /** Dead letters, oldest first. */
    Page<OutboxMessage> deadLetters(PageRequest page);

    /**
     * Puts a dead letter back in the queue, due at once, its attempts reset.
     *
     * @return false when there is no dead letter with this id
     */
    boolean revive(String id, Instant now);

    /** How much is waiting: for metrics and lag. */
    OutboxStats stats(Instant now);

    /** @param oldestPendingAge how long the oldest task that is not dead has waited (zero when none waits) */
    record OutboxStats(long pending, long dead, java.time.Duration oldestPendingAge) {}

    /** {@link #enqueue} for each task, in one round trip where the store can. */
    default void enqueueAll(java.util.List<NewTask> tasks, Instant now) {
        tasks.forEach(task -> enqueue(task.id(), task.task(), now));
    }

    /** A task to enqueue under its id. */
    record NewTask(String id, OutboxTask task) {}
}
