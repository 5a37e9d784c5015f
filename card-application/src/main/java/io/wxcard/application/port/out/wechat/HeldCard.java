package io.wxcard.application.port.out.wechat;

import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;

/** One card in a member's wallet ({@code /card/user/getcardlist}). */
public record HeldCard(WechatCardId cardId, Code code) {}
