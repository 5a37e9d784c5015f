package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.tenant.TenantId;

/** Sends a draft to WeChat for review ({@code /card/create}, or {@code /card/update} for a resubmission). */
public interface SubmitCardUseCase {
    Either<Failure, Card> submit(TenantId tenantId, CardId cardId);
}
