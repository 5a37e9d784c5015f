package io.wxcard.domain.membership;

import io.vavr.control.Option;
import io.wxcard.domain.shared.Text;

/** The merchant's own number for a member ({@code membership_number}), shown on the card. */
public record MembershipNumber(String value) {
    public static final int MAX_LENGTH = 64;

    public MembershipNumber {
        Text.requireText(value, "membership number", MAX_LENGTH);
    }

    /** The number in what WeChat answered, none when it answered none or one this platform cannot keep. */
    public static Option<MembershipNumber> parse(String raw) {
        return raw == null || raw.isBlank() || Text.length(raw) > MAX_LENGTH ? Option.none()
                : Option.of(new MembershipNumber(raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
