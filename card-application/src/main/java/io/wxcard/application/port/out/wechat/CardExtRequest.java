package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;

/** What a JS-SDK {@code addCard} call will carry, for signing. */
public record CardExtRequest(WechatCardId cardId, Option<Code> code, Option<OpenId> openId,
                             Option<Long> fixedBeginTimestamp, Option<String> outerStr) {}
