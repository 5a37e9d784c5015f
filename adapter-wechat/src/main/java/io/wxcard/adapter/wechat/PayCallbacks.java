package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatPayCallbacks;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.lang.reflect.Method;
import java.net.URI;

/** {@link WechatPayCallbacks} over {@code POST /v3/marketing/membercard-open/callback} ({@code {url}}). */
final class PayCallbacks implements WechatPayCallbacks {
    private static final String PATH = "/v3/marketing/membercard-open/callback";
    private static final Method SET = PayClient.endpoint("setCallback");

    record CallbackBody(String url) {}

    private final PayApi api;
    private final PayCalls calls;

    PayCallbacks(PayApi api, PayCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Override
    public Either<WechatError, Done> registerCallback(MerchantCredentials credentials, URI url) {
        return calls.call(credentials, SET, "POST", PATH, new CallbackBody(url.toString()),
                (merchant, authorization, serial, body) -> api.setCallback(authorization, serial, body),
                (merchant, raw) -> {
                    PayCalls.success(raw);
                    return Done.DONE;
                });
    }
}
