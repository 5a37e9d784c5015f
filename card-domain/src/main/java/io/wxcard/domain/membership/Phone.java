package io.wxcard.domain.membership;

import io.wxcard.domain.shared.Text;

/**
 * A member's phone number as the merchant knows it. At most 32 characters: an E.164 number has at most 15 digits and a
 * '+', so 32 leaves room for the spaces, dashes and extension people write, while WeChat's own phone fields are far
 * shorter; the old limit of 64 was only the column's width.
 */
public record Phone(String value) {
    public static final int MAX_LENGTH = 32;

    public Phone {
        Text.requireText(value, "phone", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
