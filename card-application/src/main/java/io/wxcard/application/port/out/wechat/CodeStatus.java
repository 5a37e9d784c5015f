package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.OpenId;

/** What WeChat says of one code ({@code /card/code/get}). */
public record CodeStatus(WechatCardId cardId, OpenId openId, boolean canConsume, String userCardStatus,
                         Option<String> outerStr) {}
