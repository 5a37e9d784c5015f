package io.wxcard.domain.ledger;

/**
 * WeChat keeps a member's points ({@code bonus}) and stored value ({@code balance}) as signed 32-bit integers, and
 * refuses a total or a change outside that range. The ledger holds longs, so every path (REST, import, WeChat's own
 * pushes) checks against this one bound before anything is stored that WeChat could not hold.
 */
public final class WechatRange {

    /** The largest total, and the largest change either way. */
    public static final long MAX = Integer.MAX_VALUE;

    private WechatRange() {}

    public static boolean holdsTotal(long value) {
        return value >= 0 && value <= MAX;
    }

    public static boolean holdsDelta(long value) {
        return value >= -MAX && value <= MAX;
    }

    /** A total (a starting or an absolute amount), or an error naming the field. */
    public static long requireTotal(long value, String field) {
        if (!holdsTotal(value)) {
            throw new IllegalArgumentException(field + " must be between 0 and " + MAX + " (WeChat's range), got "
                    + value);
        }
        return value;
    }

    /** A change, or an error naming the field. */
    public static long requireDelta(long value, String field) {
        if (!holdsDelta(value)) {
            throw new IllegalArgumentException(field + " must be between -" + MAX + " and " + MAX
                    + " (WeChat's range), got " + value);
        }
        return value;
    }
}
