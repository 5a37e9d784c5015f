package io.wxcard.application.contract.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.wxcard.application.port.out.wechat.WechatError;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import io.wxcard.domain.membership.OpenId;
import java.util.UUID;

/** Small helpers the WeChat contracts share. */
public final class WechatContractSupport {

    private WechatContractSupport() {}

    /** The success value, or a failure that names WeChat's error. */
    public static <T> T ok(Either<WechatError, T> result) {
        assertThat(result.isRight()).as("expected success but WeChat answered %s", result.swap().getOrNull()).isTrue();
        return result.get();
    }

    /** The error, or a failure that names the unexpected success. */
    public static WechatError failed(Either<WechatError, ?> result) {
        assertThat(result.isLeft()).as("expected an error but got %s", result.getOrNull()).isTrue();
        return result.getLeft();
    }

    /** An openid no other test uses: on WeChat an openid belongs to one account. */
    public static OpenId newOpenId() {
        return new OpenId("o" + UUID.randomUUID().toString().replace("-", "").substring(0, 27));
    }

    /** A short text no other test uses. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The same definition with another notice (a field whose change needs no new review). */
    public static MemberCardDefinition withNotice(MemberCardDefinition definition, String notice) {
        BaseInfo b = definition.baseInfo();
        return withBaseInfo(definition, new BaseInfo(b.logoUrl(), b.codeType(), b.brandName(), b.title(), b.color(),
                notice, b.description(), b.servicePhone(), b.dateInfo(), b.skuQuantity(), b.getLimit(),
                b.useCustomCode(), b.canShare(), b.canGiveFriend(), b.locationIds(), b.useAllLocations(),
                b.centerButton(), b.customUrl(), b.promotionUrl()));
    }

    /** The same definition with another title (a change WeChat reviews again). */
    public static MemberCardDefinition withTitle(MemberCardDefinition definition, String title) {
        BaseInfo b = definition.baseInfo();
        return withBaseInfo(definition, new BaseInfo(b.logoUrl(), b.codeType(), b.brandName(), title, b.color(),
                b.notice(), b.description(), b.servicePhone(), b.dateInfo(), b.skuQuantity(), b.getLimit(),
                b.useCustomCode(), b.canShare(), b.canGiveFriend(), b.locationIds(), b.useAllLocations(),
                b.centerButton(), b.customUrl(), b.promotionUrl()));
    }

    private static MemberCardDefinition withBaseInfo(MemberCardDefinition d, BaseInfo baseInfo) {
        return new MemberCardDefinition(baseInfo, d.backgroundPicUrl(), d.prerogative(), d.autoActivate(),
                d.wxActivate(), d.activateUrl(), d.supplyBonus(), d.bonusUrl(), d.supplyBalance(), d.balanceUrl(),
                d.customFields(), d.customCell1(), d.bonusRule(), d.discount(), d.bonusCleared(), d.bonusRules(),
                d.balanceRules());
    }
}
