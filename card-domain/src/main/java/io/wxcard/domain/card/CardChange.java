package io.wxcard.domain.card;

import java.util.List;

/** The outcome of an allowed operation on a card: the card as it now is, and what happened (maybe nothing). */
public record CardChange(Card card, List<CardEvent> events) {
    public CardChange {
        events = List.copyOf(events);
    }

    static CardChange of(Card card, CardEvent... events) {
        return new CardChange(card, List.of(events));
    }
}
