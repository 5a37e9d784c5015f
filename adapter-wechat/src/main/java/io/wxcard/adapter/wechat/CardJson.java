package io.wxcard.adapter.wechat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * WeChat's {@code member_card} JSON, field for field, as the adapter's own types: the domain's
 * {@code MemberCardDefinition} never meets Jackson. {@link MemberCardMapper} maps between the two.
 */
final class CardJson {

    private CardJson() {}

    /** {@code {"card":{...}}}: the body of {@code /card/create} and the {@code card} of {@code /card/get}. */
    record CardEnvelope(CardBody card) {}

    record CardBody(String cardType, MemberCard memberCard) {}

    record MemberCard(
            String backgroundPicUrl,
            BaseInfo baseInfo,
            String prerogative,
            Boolean autoActivate,
            Boolean wxActivate,
            String activateUrl,
            Boolean supplyBonus,
            String bonusUrl,
            Boolean supplyBalance,
            String balanceUrl,
            @JsonProperty("custom_field1") CustomField customField1,
            @JsonProperty("custom_field2") CustomField customField2,
            @JsonProperty("custom_field3") CustomField customField3,
            @JsonProperty("custom_cell1") CustomCell customCell1,
            BonusRule bonusRule,
            Integer discount,
            String bonusCleared,
            String bonusRules,
            String balanceRules,
            Boolean wxActivateAfterSubmit,
            String wxActivateAfterSubmitUrl,
            String activateAppBrandUserName,
            String activateAppBrandPass) {}

    /** {@code id}, {@code status}, {@code create_time} and {@code update_time} only come back from {@code /card/get}. */
    record BaseInfo(
            String id,
            String status,
            String logoUrl,
            String codeType,
            String brandName,
            String title,
            String color,
            String notice,
            String description,
            String servicePhone,
            DateInfo dateInfo,
            Sku sku,
            @JsonProperty("get_limit") Integer getLimit,
            Boolean useCustomCode,
            Boolean canShare,
            Boolean canGiveFriend,
            List<Long> locationIdList,
            Boolean useAllLocations,
            String centerTitle,
            String centerSubTitle,
            String centerUrl,
            String customUrlName,
            String customUrl,
            String customUrlSubTitle,
            String promotionUrlName,
            String promotionUrl,
            String promotionUrlSubTitle,
            Long createTime,
            Long updateTime) {}

    /**
     * {@code type} arrives as a name ({@code DATE_TYPE_FIX_TIME_RANGE}) or as a number ({@code 1}, {@code 2}); both
     * are read as text and named by {@link MemberCardMapper}.
     */
    record DateInfo(String type, Long beginTimestamp, Long endTimestamp, Integer fixedTerm, Integer fixedBeginTerm) {}

    record Sku(Long quantity, Long totalQuantity) {}

    record CustomField(String nameType, String name, String url) {}

    record CustomCell(String name, String tips, String url) {}

    record BonusRule(
            Integer costMoneyUnit,
            Integer increaseBonus,
            Integer maxIncreaseBonus,
            Integer initIncreaseBonus,
            Integer costBonusUnit,
            Integer reduceMoney,
            Integer leastMoneyToUseBonus,
            Integer maxReduceBonus) {}
}
