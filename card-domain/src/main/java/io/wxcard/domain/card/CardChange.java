package io.wxcard.domain.card;

import java.util.List;

/**
 * The outcome of an allowed operation on a card: the card as it now is, whether the operation changed it, and what
 * happened that others must hear of.
 */
public record CardChange(Card card, boolean changed, List<CardEvent> events) {
    public CardChange {
        events = List.copyOf(events);
    }

    static CardChange of(Card card, CardEvent... events) {
        return new CardChange(card, true, List.of(events));
    }

    static CardChange unchanged(Card card) {
        return new CardChange(card, false, List.of());
    }
}
