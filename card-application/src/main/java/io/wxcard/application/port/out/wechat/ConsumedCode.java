package io.wxcard.application.port.out.wechat;

import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.OpenId;

/** What {@code /card/code/consume} answers: whose code it was, on which card. */
public record ConsumedCode(WechatCardId cardId, OpenId openId) {}
