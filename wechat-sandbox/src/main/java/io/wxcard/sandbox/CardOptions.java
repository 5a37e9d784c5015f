package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a card's definition (its member_card) offers its members, read once per definition: bonus and balance, how it
 * activates (one-click form, the merchant's page, at once), custom codes and get_limit. {@link Card} keeps the
 * current one; a {@code /card/update} makes a new one.
 *
 * @param wxActivateAfterSubmit one-click activation that hands over to the merchant's page instead of activating
 *                              at once (the URL alone does: FIDELITY.md section 4)
 * @param activateUrl           the merchant's activation page, null when none
 * @param getLimit              how many of the card one openid may hold
 */
record CardOptions(boolean supplyBonus, boolean supplyBalance, boolean wxActivate, boolean wxActivateAfterSubmit,
                   String activateUrl, boolean useCustomCode, boolean autoActivate, long getLimit) {

    static CardOptions of(ObjectNode memberCard) {
        var baseInfo = memberCard.get("base_info");
        String url = Json.text(memberCard, "activate_url");
        Long limit = Json.integer(baseInfo, "get_limit");
        return new CardOptions(Json.bool(memberCard, "supply_bonus", false),
                Json.bool(memberCard, "supply_balance", false),
                Json.bool(memberCard, "wx_activate", false),
                Json.bool(memberCard, "wx_activate_after_submit", false)
                        || Json.text(memberCard, "wx_activate_after_submit_url") != null,
                url == null || url.isBlank() ? null : url,
                Json.bool(baseInfo, "use_custom_code", false),
                Json.bool(memberCard, "auto_activate", false),
                limit == null ? CardRules.DEFAULT_GET_LIMIT : limit);
    }
}
