package io.wxcard.domain.card.definition;

import io.vavr.control.Option;
import java.util.List;

/**
 * WeChat's {@code base_info}: what every card type shares. Required fields are plain values and {@code null} when
 * missing; optional ones are {@link Option}s. Lengths are checked by {@link CardDefinitionRules}.
 *
 * @param codeType  one of {@link CardDefinitionRules#CODE_TYPES}
 * @param color     a name from WeChat's palette, see {@link CardDefinitionRules#PALETTE}
 * @param skuQuantity the stock: how many codes WeChat may still hand out
 * @param getLimit  how many of this card one member may receive
 */
public record BaseInfo(
        String logoUrl,
        String codeType,
        String brandName,
        String title,
        String color,
        String notice,
        String description,
        Option<String> servicePhone,
        DateInfo dateInfo,
        Long skuQuantity,
        Option<Integer> getLimit,
        boolean useCustomCode,
        boolean canShare,
        boolean canGiveFriend,
        List<Long> locationIds,
        boolean useAllLocations,
        Option<Link> centerButton,
        Option<Link> customUrl,
        Option<Link> promotionUrl) {

    public BaseInfo {
        locationIds = locationIds == null ? List.of() : List.copyOf(locationIds);
        servicePhone = MemberCardDefinition.orNone(servicePhone);
        getLimit = MemberCardDefinition.orNone(getLimit);
        centerButton = MemberCardDefinition.orNone(centerButton);
        customUrl = MemberCardDefinition.orNone(customUrl);
        promotionUrl = MemberCardDefinition.orNone(promotionUrl);
    }
}
