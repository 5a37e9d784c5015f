package io.wxcard.application.port.out.wechat;

import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;

/** The credentials a call to the Official Account API needs. Its {@code toString} hides the secret. */
public record WechatAccount(AppId appId, Secret appSecret) {
    public static WechatAccount of(Tenant tenant) {
        return new WechatAccount(tenant.appId(), tenant.appSecret());
    }
}
