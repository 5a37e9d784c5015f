package io.wxcard.domain.loyalty;

import io.wxcard.domain.shared.Text;

/** What a member level is called (普通, 银卡, 金卡): the merchant's name for it, unique within a card. */
public record LevelName(String value) {

    public static final int MAX_LENGTH = 16;

    public LevelName {
        Text.requireText(value, "level name", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
