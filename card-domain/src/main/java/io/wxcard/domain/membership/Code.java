package io.wxcard.domain.membership;

import io.wxcard.domain.shared.Text;

/** A member's card code ({@code code}, {@code UserCardCode}): unique within one card. */
public record Code(String value) {
    public Code {
        Text.requireIdentifier(value, "code", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
