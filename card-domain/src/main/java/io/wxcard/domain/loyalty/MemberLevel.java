package io.wxcard.domain.loyalty;

import io.vavr.control.Option;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.membership.CustomFieldValue;
import java.util.Objects;

/**
 * One level of a card: how a member reaches it, the card face its members see (a background uploaded to WeChat; none
 * keeps the card's own) and what the card's {@code custom_field1} (等级) shows for them.
 */
public record MemberLevel(LevelName name, LevelEntry entry, Option<WechatImageUrl> cardFace,
                          CustomFieldValue fieldText) {
    public MemberLevel {
        Objects.requireNonNull(name, "level name");
        Objects.requireNonNull(entry, "level entry");
        cardFace = cardFace == null ? Option.none() : cardFace;
        Objects.requireNonNull(fieldText, "custom field text");
    }
}
