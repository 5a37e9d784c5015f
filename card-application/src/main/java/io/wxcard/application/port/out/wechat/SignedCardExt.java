package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;

/**
 * A signed {@code cardExt} for JS-SDK {@code addCard}: {@code signature = sha1} of the sorted non-empty values among
 * the card ticket, timestamp, card_id, code, openid and nonce_str.
 */
public record SignedCardExt(WechatCardId cardId, Option<String> code, Option<String> openId, String timestamp,
                            String nonceStr, Option<Long> fixedBeginTimestamp, Option<String> outerStr,
                            String signature) {}
