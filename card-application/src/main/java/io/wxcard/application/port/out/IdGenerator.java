package io.wxcard.application.port.out;

import io.wxcard.domain.card.CardId;

/** New identifiers, unique across instances. */
public interface IdGenerator {
    CardId newCardId();

    /** An opaque, unique id for outbox tasks, import jobs, ... prefixed to say what it names. */
    String newId(String prefix);
}
