package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.OpenId;

/** The card sent as a message ({@code msgtype wxcard}): a preview, a mass send to a tag, a customer-service message. */
public interface WechatCardMessages {

    /** {@code message/mass/preview} to one openid: WeChat's {@code msg_id}. */
    Either<WechatError, Long> preview(WechatAccount account, OpenId openId, WechatCardId cardId);

    /** {@code message/mass/sendall} with {@code filter{is_to_all:false, tag_id}}: WeChat's {@code msg_id}. */
    Either<WechatError, Long> sendToTag(WechatAccount account, long tagId, WechatCardId cardId);

    /** {@code message/custom/send}: only within 48 hours of the member's last message to the account (45015). */
    Either<WechatError, Done> sendToMember(WechatAccount account, OpenId openId, WechatCardId cardId);
}
