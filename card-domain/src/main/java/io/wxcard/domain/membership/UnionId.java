package io.wxcard.domain.membership;

import io.vavr.control.Option;
import io.wxcard.domain.shared.Text;

/**
 * A member's {@code unionid}: WeChat gives it (in the {@code user_get_card} push, WeChat Pay's notifications) when
 * the account is bound to an Open Platform account; the same person has the same unionid under every bound account.
 * 1 to 64 characters (WeChat's ids are 28; the column holds 64).
 */
public record UnionId(String value) {
    public static final int MAX_LENGTH = 64;

    public UnionId {
        Text.requireText(value, "unionid", MAX_LENGTH);
    }

    /** The unionid in what WeChat sent, none when it sent none or one that is not a unionid. */
    public static Option<UnionId> parse(String raw) {
        return raw == null || raw.isBlank() || Text.length(raw) > MAX_LENGTH ? Option.none()
                : Option.of(new UnionId(raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
