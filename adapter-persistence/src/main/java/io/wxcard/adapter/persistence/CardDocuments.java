package io.wxcard.adapter.persistence;

import java.util.List;

/**
 * The shape a card's definition, activation form and test whitelist take in their JSON columns: plain records with
 * {@code null} for none, mapped from and to the domain's types by {@link CardDocumentMapper}. Renaming a component
 * here changes what is stored, and needs a migration of the stored documents.
 */
final class CardDocuments {

    private CardDocuments() {}

    record Definition(BaseInfo baseInfo, String backgroundPicUrl, String prerogative, boolean autoActivate,
                      boolean wxActivate, String activateUrl, boolean supplyBonus, String bonusUrl,
                      boolean supplyBalance, String balanceUrl, List<CustomField> customFields, CustomCell customCell1,
                      BonusRule bonusRule, Integer discount, String bonusCleared, String bonusRules,
                      String balanceRules, JumpActivation jump) {}

    /** Absent (null) in documents stored before issue 20: read as {@code JumpActivation.NONE}. */
    record JumpActivation(boolean afterSubmit, String afterSubmitUrl, String appBrandUserName, String appBrandPass) {}

    /** {@code limitPerMember} is the domain's {@code getLimit}, renamed so that no tool takes it for a getter. */
    record BaseInfo(String logoUrl, String codeType, String brandName, String title, String color, String notice,
                    String description, String servicePhone, DateInfo dateInfo, Long skuQuantity,
                    Integer limitPerMember, boolean useCustomCode, boolean canShare, boolean canGiveFriend,
                    List<Long> locationIds, boolean useAllLocations, Link centerButton, Link customUrl,
                    Link promotionUrl) {}

    record DateInfo(String type, Long beginTimestamp, Long endTimestamp, Integer fixedTerm, Integer fixedBeginTerm) {}

    record Link(String name, String subTitle, String url) {}

    record CustomField(String nameType, String name, String url) {}

    record CustomCell(String name, String tips, String url) {}

    record BonusRule(Integer costMoneyUnit, Integer increaseBonus, Integer maxIncreaseBonus, Integer initIncreaseBonus,
                     Integer costBonusUnit, Integer reduceMoney, Integer leastMoneyToUseBonus,
                     Integer maxReduceBonus) {}

    record ActivationForm(NamedLink serviceStatement, NamedLink bindOldCard, Section required, Section optional) {}

    record NamedLink(String name, String url) {}

    record Section(boolean canModify, List<String> commonFieldIds, List<String> customFieldNames,
                   List<RichField> richFields) {}

    record RichField(String type, String name, List<String> values) {}

    record TestWhitelist(List<String> openids, List<String> usernames) {}
}
