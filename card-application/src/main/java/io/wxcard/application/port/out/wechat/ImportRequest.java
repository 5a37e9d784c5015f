package io.wxcard.application.port.out.wechat;

import io.vavr.control.Option;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.imports.ImportRow;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.membership.OpenId;

/**
 * One existing member to import (WeChat Pay v3 {@code users/import}).
 *
 * @param outRequestNo unique per member, stored before the first attempt and sent unchanged on every retry
 *                     (at most {@link ImportRow#MAX_OUT_REQUEST_NO} characters)
 */
public record ImportRequest(WechatCardId cardId, OpenId openId, Option<Code> code, String outRequestNo) {
    public ImportRequest {
        ImportRow.requireOutRequestNo(outRequestNo);
    }
}
