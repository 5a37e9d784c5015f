package io.wxcard.application.port.in;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.wxcard.application.port.out.store.Page;
import io.wxcard.application.port.out.store.PageRequest;
import io.wxcard.domain.card.Card;
import io.wxcard.domain.card.CardId;
import io.wxcard.domain.card.CardState;
import io.wxcard.domain.tenant.TenantId;

/** Reads a tenant's cards. */
public interface FindCardsQuery {

    Either<Failure, Card> card(TenantId tenantId, CardId cardId);

    Page<Card> cards(TenantId tenantId, Option<CardState> state, PageRequest page);
}
