package io.wxcard.application.testing;

import io.wxcard.application.port.out.IdGenerator;
import io.wxcard.domain.card.CardId;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable ids for tests: card_1, card_2, ...; outbox_1, ... */
public final class SequentialIds implements IdGenerator {
    private final AtomicLong next = new AtomicLong();

    @Override
    public CardId newCardId() {
        return new CardId("card_" + next.incrementAndGet());
    }

    @Override
    public String newId(String prefix) {
        return prefix + "_" + next.incrementAndGet();
    }
}
