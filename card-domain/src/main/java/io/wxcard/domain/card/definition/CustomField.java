package io.wxcard.domain.card.definition;

import io.vavr.control.Option;

/**
 * One of the up to three {@code custom_fieldN} cells shown on the card (level, coupons, ...), named either by one of
 * WeChat's {@code name_type}s or by a free {@code name}, never both.
 */
public record CustomField(Option<String> nameType, Option<String> name, Option<String> url) {
    public CustomField {
        nameType = MemberCardDefinition.orNone(nameType);
        name = MemberCardDefinition.orNone(name);
        url = MemberCardDefinition.orNone(url);
    }
}
