package io.wxcard.domain.membership;

import io.wxcard.domain.shared.Text;

/** A WeChat user as one official account sees them ({@code openid}, {@code FromUserName}). */
public record OpenId(String value) {
    public OpenId {
        Text.requireIdentifier(value, "openid", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
