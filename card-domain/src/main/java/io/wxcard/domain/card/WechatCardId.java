package io.wxcard.domain.card;

import io.wxcard.domain.shared.Text;

/** WeChat's {@code card_id}, which WeChat assigns when the card is first submitted ({@code /card/create}). */
public record WechatCardId(String value) {
    public WechatCardId {
        Text.requireIdentifier(value, "WeChat card_id", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
