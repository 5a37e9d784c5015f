package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.BrandId;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;
import java.util.Objects;

/**
 * Upgrades a card for WeChat Pay's member functions (import, codes, activation through WeChat Pay), which WeChat Pay
 * refuses on a card not upgraded. An explicit step the operator takes: WeChat Pay never undoes it, members' wallets
 * show the card in its new style at once, and the old Official Account interfaces stop updating the card.
 */
public interface UpgradeCardForWechatPayUseCase {

    /** The card, upgraded; the same brand again answers the card as it is, without calling WeChat Pay. */
    Either<Failure, Card> upgrade(UpgradeCardCommand command);

    record UpgradeCardCommand(TenantId tenantId, CardId cardId, BrandId brandId) {
        public UpgradeCardCommand {
            Objects.requireNonNull(tenantId, "tenant id");
            Objects.requireNonNull(cardId, "card id");
            Objects.requireNonNull(brandId, "brand_id");
        }
    }
}
