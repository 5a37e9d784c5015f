package io.wxcard.domain.tenant;

import io.wxcard.domain.shared.Text;

/** A WeChat official account's appid (for example {@code wx1234567890abcdef}). */
public record AppId(String value) {
    public AppId {
        Text.requireIdentifier(value, "appid", 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
