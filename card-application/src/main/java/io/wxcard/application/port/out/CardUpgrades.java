package io.wxcard.application.port.out;

import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;

/**
 * Whether a card was upgraded for WeChat Pay ({@code membercard-open/cards/{card_id}/upgrade}). A small query until
 * the card itself knows its upgraded state (issue 14 item 3, helper pay20): then it is answered from the card.
 */
public interface CardUpgrades {
    boolean upgradedForWechatPay(TenantId tenantId, CardId cardId);
}
