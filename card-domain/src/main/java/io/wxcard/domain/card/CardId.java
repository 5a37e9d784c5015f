package io.wxcard.domain.card;

import io.wxcard.domain.shared.Text;

/** Our identifier of a card, assigned when it is drafted, long before WeChat knows of it. */
public record CardId(String value) {
    public CardId {
        Text.requireIdentifier(value, "card id", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
