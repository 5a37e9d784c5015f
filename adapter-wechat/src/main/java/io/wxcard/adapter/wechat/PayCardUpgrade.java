package io.wxcard.adapter.wechat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.Done;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.application.port.out.wechat.WechatPayCardUpgrade;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.WechatCardId;
import io.wxcard.domain.tenant.AppId;
import io.wxcard.domain.tenant.MerchantCredentials;
import java.lang.reflect.Method;

/**
 * {@link WechatPayCardUpgrade} over {@code POST /v3/marketing/membercard-open/cards/{card_id}/upgrade}
 * ({@code {brand_id, appid}} → 204). A card WeChat Pay had already upgraded answers 400 INVALID_REQUEST "会员卡已经迁移"
 * (a community report; the page's own table does not list it): done, since the call only ever asked for that state.
 */
final class PayCardUpgrade implements WechatPayCardUpgrade {
    static final String ALREADY_UPGRADED = "会员卡已经迁移";
    private static final String PATH = "/v3/marketing/membercard-open/cards/%s/upgrade";
    private static final Method UPGRADE = PayClient.endpoint("upgradeCard");

    /** The body, field for field. */
    record UpgradeBody(String brandId, String appid) {}

    private final PayApi api;
    private final PayCalls calls;

    PayCardUpgrade(PayApi api, PayCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Override
    public Either<WechatError, Done> upgrade(MerchantCredentials credentials, WechatCardId cardId, BrandId brandId,
                                             AppId appId) {
        String card = cardId.value();
        return calls.call(credentials, UPGRADE, "POST", String.format(PATH, card),
                new UpgradeBody(brandId.value(), appId.value()),
                (merchant, authorization, serial, body) -> api.upgradeCard(card, authorization, serial, body),
                (merchant, raw) -> {
                    if (raw.status() / 100 == 2) {
                        return Done.DONE;
                    }
                    PayClient.PayError error = PayClient.error(raw);
                    if ("INVALID_REQUEST".equals(error.code()) && ALREADY_UPGRADED.equals(error.message().trim())) {
                        return Done.DONE;
                    }
                    throw PayClient.thrown(error);
                });
    }
}
