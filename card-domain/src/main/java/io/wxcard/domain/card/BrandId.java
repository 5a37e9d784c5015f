package io.wxcard.domain.card;

import io.wxcard.domain.shared.Text;

/**
 * A WeChat Pay brand ({@code brand_id}): the brand an upgraded card belongs to on WeChat Pay. WeChat Pay documents it
 * as a string of at most 16 characters (membercard-open {@code upgrade}).
 */
public record BrandId(String value) {
    public static final int MAX_LENGTH = 16;

    public BrandId {
        Text.requireIdentifier(value, "WeChat Pay brand_id", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
