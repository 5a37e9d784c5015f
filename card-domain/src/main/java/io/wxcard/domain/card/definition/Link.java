package io.wxcard.domain.card.definition;

import io.vavr.control.Option;

/**
 * One of the card's entry points ({@code center_title}/{@code center_url}, {@code custom_url_name}/{@code custom_url},
 * {@code promotion_url_name}/{@code promotion_url}), each with an optional sub-title.
 */
public record Link(String name, Option<String> subTitle, String url) {
    public Link {
        subTitle = MemberCardDefinition.orNone(subTitle);
    }
}
