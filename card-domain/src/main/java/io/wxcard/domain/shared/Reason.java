package io.wxcard.domain.shared;

/**
 * Why something was done, in words the member may see (a points change's record, an invalidation). WeChat shows it in
 * the card's record list; 255 characters is what every path (REST, import, push) accepts, and what the columns hold.
 */
public record Reason(String value) {
    public static final int MAX_LENGTH = 255;

    public Reason {
        Text.requireText(value, "reason", MAX_LENGTH);
    }

    /** The text, checked: for records that keep a reason as plain text. */
    public static String require(String value) {
        return new Reason(value).value();
    }

    @Override
    public String toString() {
        return value;
    }
}
