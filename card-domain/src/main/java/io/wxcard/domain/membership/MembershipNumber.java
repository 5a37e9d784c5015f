package io.wxcard.domain.membership;

import io.wxcard.domain.shared.Text;

/** The merchant's own number for a member ({@code membership_number}), shown on the card. */
public record MembershipNumber(String value) {
    public MembershipNumber {
        Text.requireText(value, "membership number", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
