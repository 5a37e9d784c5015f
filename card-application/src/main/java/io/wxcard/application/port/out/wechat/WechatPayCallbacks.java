package io.wxcard.application.port.out.wechat;

import io.vavr.control.Either;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.net.URI;

/** Where WeChat Pay sends a merchant's member-card notifications (membercard-open {@code POST callback}). */
public interface WechatPayCallbacks {

    Either<WechatError, Done> registerCallback(MerchantCredentials merchant, URI url);
}
