package io.wxcard.application.port.out.store;

import io.vavr.control.Option;

/**
 * An inbox row as a worker or an operator sees it.
 *
 * @param attempts technical failures so far
 * @param outcome  what applying it did (or why it was refused, or the last error), for people
 */
public record InboxMessage(InboxEntry entry, InboxMessage.State state, int attempts, Option<String> outcome) {

    public enum State {
        /** Waiting to be applied (or to be retried after a technical failure). */
        PENDING,
        /** Applied. */
        APPLIED,
        /** Not acted on for a business reason (an unknown card, say): retrying would be refused the same way. */
        REFUSED,
        /** Failed technically too often: set aside for an operator, who may offer it again. */
        DEAD
    }

    public String id() {
        return entry.id();
    }
}
