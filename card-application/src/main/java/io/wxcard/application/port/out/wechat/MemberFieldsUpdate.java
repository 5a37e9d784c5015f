package io.wxcard.application.port.out.wechat;

import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;

/**
 * A change of what a member's card shows in its custom fields ({@code /card/membercard/updateuser} with
 * {@code custom_field_value1..3}), each with whether WeChat tells the member ({@code notify_optional}'s
 * {@code is_notify_custom_field1..3}). The values are absolute, so a repeat lands on the same card.
 */
public record MemberFieldsUpdate(WechatCardId cardId, Code code, CustomFieldValues values, boolean notifyField1,
                                 boolean notifyField2, boolean notifyField3) {

    public MemberFieldsUpdate {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a fields update sets at least one custom field value");
        }
    }
}
