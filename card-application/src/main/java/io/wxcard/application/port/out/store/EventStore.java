package io.wxcard.application.port.out.store;

import io.vavr.control.Option;
import io.wxcard.application.port.out.events.MerchantEvent;
import io.wxcard.domain.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * The events table: what the change feed, webhooks and listeners read. Events are appended in the transaction of the
 * change, without a place; {@link #place} gives them their place afterwards, one placer at a time across instances,
 * so that positions follow commit order and a reader resuming after a position never misses a later commit.
 */
public interface EventStore {

    /** Adds an event (its position 0), in the caller's transaction. */
    void append(MerchantEvent event);

    /**
     * Gives up to {@code limit} committed events without a place the next positions, oldest first, in one
     * transaction that also runs {@code whilePlacing} with them (the webhooks' deliveries are created there), and
     * answers them placed. Placers on several instances take turns (a row lock), never giving two events one position.
     */
    List<MerchantEvent> place(int limit, java.util.function.Consumer<List<MerchantEvent>> whilePlacing);

    /** Placed events after {@code position}, in order, at most {@code limit}; only the tenant's when one is given. */
    List<MerchantEvent> after(Option<TenantId> tenant, long position, int limit);

    /** The position of the last placed event (0 when none). */
    long lastPosition();

    /** Removes placed events older than {@code cutoff} (the feed's retention); answers how many. */
    int forgetPlacedBefore(Instant cutoff);

    /** {@link #append} for each event, in one round trip where the store can. */
    default void appendAll(List<MerchantEvent> added) {
        added.forEach(this::append);
    }
}
