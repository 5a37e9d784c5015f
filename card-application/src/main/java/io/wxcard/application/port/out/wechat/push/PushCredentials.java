package io.wxcard.application.port.out.wechat.push;

import io.vavr.control.Option;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.PushMode;
import io.wxcard.domain.tenant.Secret;
import io.wxcard.domain.tenant.Tenant;

/** What verifying and decrypting one account's pushes needs. */
public record PushCredentials(AppId appId, Secret token, Option<Secret> encodingAesKey, PushMode mode) {
    public static PushCredentials of(Tenant tenant) {
        return new PushCredentials(tenant.appId(), tenant.pushToken(), tenant.encodingAesKey(), tenant.pushMode());
    }
}
