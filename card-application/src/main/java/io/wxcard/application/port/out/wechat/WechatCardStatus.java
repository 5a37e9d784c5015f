package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.card.definition.MemberCardDefinition;

/**
 * What WeChat says of a card ({@code /card/get}).
 *
 * @param status     WeChat's status as sent ({@code CARD_STATUS_VERIFY_OK}, ...; values not in the documentation are
 *                   passed through unchanged)
 * @param definition the card as WeChat shows it, when its answer reads back into a definition
 */
public record WechatCardStatus(WechatCardId cardId, String status, long quantity, long totalQuantity,
                               Option<MemberCardDefinition> definition) {

    public static final String DELETED = "CARD_STATUS_DELETE";
}
