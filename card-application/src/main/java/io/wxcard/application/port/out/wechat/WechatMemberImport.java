package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.membership.Code;
import io.wxcard.domain.tenant.MerchantCredentials;

/** Recognises an existing member in WeChat without popping the card into their wallet (WeChat Pay v3). */
public interface WechatMemberImport {

    /**
     * Imports one member; answers the member's code. Repeating a request with the same {@code out_request_no} is safe.
     */
    Either<WechatError, Code> importMember(MerchantCredentials merchant, ImportRequest request);
}
