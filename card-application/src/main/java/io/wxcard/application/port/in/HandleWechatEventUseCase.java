package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.push.WechatEvent;
import io.wxcard.domain.tenant.TenantId;

/** Acts on one verified WeChat event, each type as wechat-api.md section 5 describes it. */
public interface HandleWechatEventUseCase {

    /** @return a short account of what was done, for the log */
    Either<Failure, String> handle(TenantId tenantId, WechatEvent event);
}
