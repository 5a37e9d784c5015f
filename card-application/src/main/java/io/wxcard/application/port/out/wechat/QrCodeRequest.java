package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.OuterStr;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;

/**
 * A QR code that hands out one card ({@code QR_CARD}).
 *
 * @param expireSeconds between 60 and 1800; none for a permanent code
 * @param outerStr      a tag that comes back in the {@code user_get_card} push, to tell channels apart
 */
public record QrCodeRequest(WechatCardId cardId, Option<Code> code, Option<OpenId> openId, boolean uniqueCode,
                            Option<String> outerStr, Option<Integer> expireSeconds) {
    public QrCodeRequest {
        checkExpireSeconds(expireSeconds);
        checkOuterStr(outerStr);
    }

    /** WeChat takes 60 to 1800 seconds, or none for a permanent code. */
    public static void checkExpireSeconds(Option<Integer> expireSeconds) {
        expireSeconds.forEach(seconds -> {
            if (seconds < 60 || seconds > 1800) {
                throw new IllegalArgumentException("expire_seconds must be between 60 and 1800, got " + seconds);
            }
        });
    }

    public static void checkOuterStr(Option<String> outerStr) {
        outerStr.forEach(OuterStr::require);
    }
}
