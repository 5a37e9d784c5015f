package io.wxcard.domain.card;

import io.vavr.control.Option;
import io.wxcard.domain.card.definition.BaseInfo;
import io.wxcard.domain.card.definition.DateInfo;
import io.wxcard.domain.card.definition.MemberCardDefinition;
import java.util.List;
import java.util.function.UnaryOperator;

/** Valid card definitions for the domain's tests, and small variations of them. */
public final class Definitions {
    private Definitions() {}

    public static BaseInfo baseInfo() {
        return new BaseInfo("https://mmbiz.qpic.cn/logo.png", "CODE_TYPE_QRCODE", "Tea House", "Gold Card", "Color010",
                "Show at the till", "Earn points with every cup.", Option.none(), DateInfo.permanent(), 1000L,
                Option.none(), false, true, false, List.of(), true, Option.none(), Option.none(), Option.none());
    }

    public static MemberCardDefinition valid() {
        return withBase(UnaryOperator.identity());
    }

    public static MemberCardDefinition activatedBy(boolean auto, boolean oneClick, Option<String> url) {
        return new MemberCardDefinition(baseInfo(), Option.none(), "10% off every drink", auto, oneClick, url, true,
                Option.none(), true, Option.none(), List.of(), Option.none(), Option.none(), Option.none(),
                Option.none(), Option.none(), Option.none());
    }

    public static MemberCardDefinition withBase(UnaryOperator<BaseInfo> change) {
        return new MemberCardDefinition(change.apply(baseInfo()), Option.none(), "10% off every drink", true, false,
                Option.none(), true, Option.none(), true, Option.none(), List.of(), Option.none(), Option.none(),
                Option.none(), Option.none(), Option.none(), Option.none());
    }

    public static BaseInfo titled(BaseInfo b, String title) {
        return new BaseInfo(b.logoUrl(), b.codeType(), b.brandName(), title, b.color(), b.notice(), b.description(),
                b.servicePhone(), b.dateInfo(), b.skuQuantity(), b.getLimit(), b.useCustomCode(), b.canShare(),
                b.canGiveFriend(), b.locationIds(), b.useAllLocations(), b.centerButton(), b.customUrl(), b.promotionUrl());
    }
}
