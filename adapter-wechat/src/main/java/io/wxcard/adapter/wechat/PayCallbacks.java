package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatError.Kind;
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
    private final PayClient client;
    private final PlatformKeys platformKeys;

    PayCallbacks(PayApi api, PayClient client, PlatformKeys platformKeys) {
        this.api = api;
        this.client = client;
        this.platformKeys = platformKeys;
    }

    @Override
    public Either<WechatError, Done> registerCallback(MerchantCredentials credentials, URI url) {
        PayClient.Merchant merchant;
        try {
            merchant = client.merchant(credentials);
        } catch (IllegalArgumentException e) {
            return Either.left(new WechatError(Kind.CLIENT_ERROR, "invalid_merchant_key", e.getMessage()));
        }
        byte[] body;
        try {
            body = WechatJson.MAPPER.writeValueAsBytes(new CallbackBody(url.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the callback body", e);
        }
        return WechatHttp.either(() -> client.call(SET, merchant, "POST", PATH, body, platformKeys.trusted(merchant),
                (authorization, serial) -> api.setCallback(authorization, serial, body),
                raw -> {
                    if (raw.status() / 100 != 2) {
                        throw PayClient.thrown(PayClient.error(raw));
                    }
                    return Done.DONE;
                }));
    }
}
