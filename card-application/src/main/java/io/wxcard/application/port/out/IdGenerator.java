package io.wxcard.application.port.out;

import io.wxcard.domain.card.CardId;

/** New identifiers, unique across instances. */
public interface IdGenerator {
    CardId newCardId();

    /** An opaque, unique id for outbox tasks, import jobs, ... prefixed to say what it names. */
    String newId(String prefix);

    /** Ids of 80 random bits ({@code card_...}, {@code prefix_...}): what a running instance uses. */
    static IdGenerator random() {
        return new RandomIds();
    }
}
