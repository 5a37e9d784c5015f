package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.image.WechatImageUrl;
import io.wxcard.domain.membership.Code;

/**
 * A change of what a member's card shows in its custom fields ({@code /card/membercard/updateuser} with
 * {@code custom_field_value1..3}), each with whether WeChat tells the member ({@code notify_optional}'s
 * {@code is_notify_custom_field1..3}), and optionally the member's own card face ({@code background_pic_url}, a
 * level's background). The values are absolute, so a repeat lands on the same card.
 */
public record MemberFieldsUpdate(WechatCardId cardId, Code code, CustomFieldValues values, boolean notifyField1,
                                 boolean notifyField2, boolean notifyField3, Option<WechatImageUrl> cardFace) {

    /** Custom field values only; the card face is left as it is. */
    public MemberFieldsUpdate(WechatCardId cardId, Code code, CustomFieldValues values, boolean notifyField1,
                              boolean notifyField2, boolean notifyField3) {
        this(cardId, code, values, notifyField1, notifyField2, notifyField3, Option.none());
    }

    public MemberFieldsUpdate {
        cardFace = cardFace == null ? Option.none() : cardFace;
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a fields update sets at least one custom field value");
        }
    }
}
