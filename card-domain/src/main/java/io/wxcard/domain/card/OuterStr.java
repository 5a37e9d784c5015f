package io.wxcard.domain.card;

import io.wxcard.domain.shared.Text;

/**
 * A channel tag ({@code outer_str}) given to a QR code or a cardExt, which WeChat hands back in the
 * {@code user_get_card} push: 1 to 128 characters.
 */
public final class OuterStr {
    public static final int MAX_LENGTH = 128;

    private OuterStr() {}

    /** The tag, checked. */
    public static String require(String value) {
        return Text.requireText(value, "outer_str", MAX_LENGTH);
    }
}
