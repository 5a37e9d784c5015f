package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;

/** Deletes a card; WeChat follows through the outbox. Members keep the cards they hold. */
public interface DeleteCardUseCase {
    Either<Failure, Card> delete(TenantId tenantId, CardId cardId);
}
