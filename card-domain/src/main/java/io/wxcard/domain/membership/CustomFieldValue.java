package io.wxcard.domain.membership;

import java.util.Objects;

/**
 * What a member's card shows in one of its custom fields ({@code custom_field1..3}): a level, a coupon count. WeChat
 * takes at most 4 Chinese or 12 Latin characters ({@code init_custom_field_value1..3} on activate,
 * {@code custom_field_value1..3} on updateuser), which is 12 bytes of UTF-8.
 */
public record CustomFieldValue(String value) {

    public static final int MAX_UTF8_BYTES = 12;

    public CustomFieldValue {
        Objects.requireNonNull(value, "custom field value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a custom field value must not be blank");
        }
        int bytes = utf8Length(value);
        if (bytes > MAX_UTF8_BYTES) {
            throw new IllegalArgumentException("a custom field value is at most 4 Chinese or 12 Latin characters ("
                    + MAX_UTF8_BYTES + " bytes of UTF-8), got " + bytes + " bytes");
        }
    }

    /** The length in UTF-8 bytes, counted by code point (no java.nio in the domain). */
    private static int utf8Length(String value) {
        return value.codePoints().map(c -> c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4).sum();
    }

    @Override
    public String toString() {
        return value;
    }
}
